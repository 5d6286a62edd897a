"""The admin page, as a file for st.navigation (Streamlit runs it as __main__)."""
from verifier.ui import admin

if __name__ == "__main__":
    admin.render()
