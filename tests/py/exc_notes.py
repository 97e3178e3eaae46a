try:
    e = ValueError("base")
    e.add_note("first note")
    e.add_note("second")
    raise e
except ValueError as err:
    print(err.__notes__)
try:
    ValueError().add_note(5)
except TypeError as e:
    print(e)
e2 = KeyError("k")
print(hasattr(e2, "__notes__"))
