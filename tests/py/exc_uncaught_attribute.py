class Thing:
    pass
t = Thing()
t.color = "red"
print(t.color)
print(t.colour)
