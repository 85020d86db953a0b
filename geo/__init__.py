"""Geography: municipality and trial-area boundaries, dissolve, simplify and map builders."""
