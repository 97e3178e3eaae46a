for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
d = {}
for d["key"] in range(3):
    pass
print(d)
class O: pass
o = O()
for o.attr in "xyz":
    pass
print(o.attr)
lst = [0, 0, 0]
for i, lst[i] in enumerate("abc"):
    pass
print(lst)
for x, *rest in ["abc", "de"]:
    print(x, rest)
for _ in range(2):
    pass
print(_)
for k, v in sorted({"b": 2, "a": 1}.items()):
    print(k, v)
for i in range(3):
    i = 10
print(i)
it = iter(range(10))
for x in it:
    if x == 3:
        break
print(list(it))
