print("group")
raise ExceptionGroup("several", [ValueError("one"), TypeError("two")])
