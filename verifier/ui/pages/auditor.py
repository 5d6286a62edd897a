"""The auditor page, as a file for st.navigation (Streamlit runs it as __main__)."""
from verifier.ui import auditor

if __name__ == "__main__":
    auditor.render()
