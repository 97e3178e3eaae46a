import _helper_cycle_a
seen_a = hasattr(_helper_cycle_a, "A_VALUE")
B_VALUE = "b"
