"""Streamlit entry point: `streamlit run app.py` (or `make run`).

This first page lists the stored documents and shows one document's text with its claims.
Document text is always shown escaped (st.text / st.code), never as HTML."""
from __future__ import annotations

import streamlit as st

from verifier.ui.documents_page import render

st.set_page_config(page_title="verifier", page_icon="🔎", layout="wide")
render()
