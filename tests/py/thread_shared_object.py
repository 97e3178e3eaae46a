import _thread, time
class Account:
    def __init__(self):
        self.balance = 0
        self.lock = _thread.allocate_lock()
        self.history = []
    def deposit(self, v):
        with self.lock:
            self.balance += v
            self.history.append(v)
    def withdraw(self, v):
        with self.lock:
            if self.balance >= v:
                self.balance -= v
                self.history.append(-v)
                return True
            return False
acct = Account()
left = [4]
ll = _thread.allocate_lock()
def client(tid):
    for i in range(300):
        acct.deposit(3)
        acct.withdraw(2)
    with ll:
        left[0] -= 1
for t in range(4):
    _thread.start_new_thread(client, (t,))
while left[0]:
    time.sleep(0.001)
print(acct.balance, sum(acct.history), len([h for h in acct.history if h > 0]))
