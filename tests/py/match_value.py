class Color:
    RED = 1
    GREEN = 2
    BLUE = 3
import math
def m(v):
    match v:
        case Color.RED:
            return "red"
        case Color.GREEN | Color.BLUE:
            return "green or blue"
        case math.pi:
            return "pi"
        case _:
            return "other"
for v in [1, 2, 3, math.pi, 4]:
    print(m(v))
class Eq:
    def __eq__(self, o):
        print("eq called with", o)
        return True
class Holder:
    E = Eq()
match 5:
    case Holder.E:
        print("matched via __eq__")
