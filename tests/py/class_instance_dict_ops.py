class O:
    pass
o = O()
for i in range(50):
    setattr(o, f"a{i}", i)
print(len(vars(o)), o.a49, sum(vars(o).values()))
for i in range(0, 50, 2):
    delattr(o, f"a{i}")
print(len(vars(o)), sorted(vars(o))[:3])
o.__dict__.clear()
print(vars(o))
o.__dict__.update(x=1, y=2)
print(o.x + o.y)
p = O()
p.__dict__ = o.__dict__
p.z = 3
print(sorted(vars(o)))
try:
    p.__dict__ = 5
except TypeError as e:
    print(e)
