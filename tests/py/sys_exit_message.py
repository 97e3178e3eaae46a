import sys
print("about to exit with message")
sys.exit("fatal: message goes to stderr")
