import _helper_cycle_a
print(_helper_cycle_a.A_VALUE, _helper_cycle_a.get_b())
import _helper_cycle_b
print(_helper_cycle_b.B_VALUE, _helper_cycle_b.seen_a)
