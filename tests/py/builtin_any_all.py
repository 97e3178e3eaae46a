print(any([False, 0, "", None]), any([False, 1]), all([1, "x", [1]]), all([1, 0]))
print(any(x > 5 for x in range(10)), all(x < 10 for x in range(10)), any([]), all([]))
checked = []
def pred(x):
    checked.append(x)
    return x > 2
print(any(pred(x) for x in range(10)), checked)
checked.clear()
print(all(not pred(x) for x in range(10)), checked)
print(any("a" in w for w in ["xyz", "bar"]), all(w.islower() for w in ["ab", "Cd"]))
