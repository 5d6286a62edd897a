"""Page scripts for st.navigation; each calls one render() of verifier.ui."""
