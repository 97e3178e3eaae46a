def run(prog, inputs):
    stack, pc, out, vars_ = [], 0, [], {}
    labels = {ins[1]: i for i, ins in enumerate(prog) if ins[0] == "label"}
    steps = 0
    while pc < len(prog):
        steps += 1
        op, *args = prog[pc]
        pc += 1
        if op == "push": stack.append(args[0])
        elif op == "load": stack.append(vars_[args[0]])
        elif op == "store": vars_[args[0]] = stack.pop()
        elif op == "add": b = stack.pop(); stack.append(stack.pop() + b)
        elif op == "sub": b = stack.pop(); stack.append(stack.pop() - b)
        elif op == "mul": b = stack.pop(); stack.append(stack.pop() * b)
        elif op == "jz":
            if stack.pop() == 0: pc = labels[args[0]]
        elif op == "jmp": pc = labels[args[0]]
        elif op == "print": out.append(stack.pop())
        elif op == "input": stack.append(inputs.pop(0))
        elif op == "label": pass
        else: raise ValueError(f"bad op {op}")
    return out, steps
factorial = [
    ("input",), ("store", "n"), ("push", 1), ("store", "acc"),
    ("label", "loop"), ("load", "n"), ("jz", "end"),
    ("load", "acc"), ("load", "n"), ("mul",), ("store", "acc"),
    ("load", "n"), ("push", 1), ("sub",), ("store", "n"), ("jmp", "loop"),
    ("label", "end"), ("load", "acc"), ("print",),
]
for n in [0, 1, 5, 20, 30]:
    print(n, run(factorial, [n]))
try:
    run([("bogus",)], [])
except ValueError as e:
    print(e)
