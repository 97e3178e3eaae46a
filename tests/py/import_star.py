from _helper_star import *
print(public_a, public_b())
try:
    _private
except NameError as e:
    print(e)
try:
    not_exported
except NameError as e:
    print(e)
import _helper_star
print(_helper_star._private, _helper_star.not_exported)
