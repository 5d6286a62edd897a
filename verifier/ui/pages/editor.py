"""The editor page, as a file for st.navigation (Streamlit runs it as __main__)."""
from verifier.ui import editor

if __name__ == "__main__":
    editor.render()
