import sys
print("code 255 via SystemExit")
try:
    sys.exit(256 + 255)
finally:
    print("finally")
