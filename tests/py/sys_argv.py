import sys
print(sys.argv)
print(type(sys.argv).__name__, len(sys.argv))
sys.argv.append("extra")
print(sys.argv[-1])
