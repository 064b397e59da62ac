class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {amount}")
        self.balance -= amount


acct = Account(10)
acct.withdraw(3)
print("balance", acct.balance)
acct.withdraw(100)
print("not reached")
