"""The empty page: the baseline of the server-side script time."""

import streamlit as st

st.title("x")
