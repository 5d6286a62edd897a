"""The sources page, as a file for st.navigation (Streamlit runs it as __main__)."""
from verifier.ui import sources

if __name__ == "__main__":
    sources.render()
