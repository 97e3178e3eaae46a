class P:
    @property
    def ok(self): return 1
    @property
    def attr_err(self): raise AttributeError("inner")
    @property
    def val_err(self): raise ValueError("boom")
p = P()
print(hasattr(p, "ok"), hasattr(p, "attr_err"), hasattr(p, "missing"))
try:
    hasattr(p, "val_err")
except ValueError as e:
    print("propagated", e)
print(getattr(p, "attr_err", "default"))
try:
    getattr(p, "val_err", "default")
except ValueError as e:
    print("getattr propagated", e)
