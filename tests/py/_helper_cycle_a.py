A_VALUE = "a"
import _helper_cycle_b
def get_b():
    return _helper_cycle_b.B_VALUE
