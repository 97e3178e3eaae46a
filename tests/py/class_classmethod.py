class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_str(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class MyDate(Date):
    pass
print(Date.from_str("2020-01-02"))
print(MyDate.from_str("1999-12-31"))
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024))
print(type(Date.__dict__['from_str']).__name__, type(Date.__dict__['is_leap']).__name__)
sm = Date.__dict__['is_leap']
print(sm.__func__(2004))
cm = Date.__dict__['from_str']
print(cm.__func__.__name__)
print(MyDate(1, 2, 3).from_str("5-6-7"))
bound = Date.from_str
print(bound.__self__.__name__)
print(staticmethod(len)("abc"))
