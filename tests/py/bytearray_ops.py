ba = bytearray(b"hello")
ba[0] = ord("H")
ba[1:3] = b"EY"
print(ba, len(ba))
ba.append(33); ba.extend([63, 63]); ba.insert(0, 62)
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord("!")); ba.reverse(); print(ba)
del ba[:2]; print(ba)
ba += b"xyz"; ba *= 2; print(ba)
print(ba.find(b"x"), ba.count(b"y"), ba.upper(), bytes(ba[:4]), ba.decode())
ba2 = bytearray(3)
print(ba2, bytearray(range(4)), bytearray("é", "utf-8"), bytearray(b"abc") == b"abc")
try:
    ba[0] = 300
except ValueError as e:
    print(e)
try:
    ba.append(-1)
except ValueError as e:
    print(e)
print(hash(b"x") == hash(b"x"))
try:
    hash(bytearray(b"x"))
except TypeError as e:
    print(e)
