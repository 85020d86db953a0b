"""The browser baseline: a title, one tiny Altair chart and a button that reruns a counter."""

import altair as alt
import pandas as pd
import streamlit as st

st.title("x")
runs = int(st.session_state.get("bench_runs", 0)) + 1
st.session_state["bench_runs"] = runs
st.button("Rerun", key="bench_rerun")
st.metric("Runs", runs)
frame = pd.DataFrame({"x": ["a", "b", "c"], "y": [1, 3, 2]})
st.altair_chart(
    alt.Chart(frame).mark_bar().encode(x="x:N", y="y:Q").properties(width=240, height=160),
    key="bench_chart",
)
