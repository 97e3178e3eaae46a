class Bag:
    def __init__(self): self.__dict__["_data"] = {}
    def __getattr__(self, k):
        try:
            return self._data[k]
        except KeyError:
            raise AttributeError(k) from None
    def __setattr__(self, k, v):
        self._data[k] = v
    def __delattr__(self, k):
        try:
            del self._data[k]
        except KeyError:
            raise AttributeError(k) from None
b = Bag()
b.x = 1
b.y = 2
print(b.x, b.y, b._data)
del b.x
try:
    b.x
except AttributeError as e:
    print("AttributeError", e, e.__suppress_context__)
try:
    del b.zz
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(b, "y"), getattr(b, "x", None))
