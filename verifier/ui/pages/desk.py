"""The desk page, as a file for st.navigation (Streamlit runs it as __main__)."""
from verifier.ui import desk

if __name__ == "__main__":
    desk.render()
