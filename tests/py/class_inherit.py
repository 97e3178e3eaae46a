class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"
class Cat(Animal):
    def __init__(self, name, lives=9):
        super().__init__(name)
        self.lives = lives
    sound = "meow"
for a in [Animal("x"), Dog("rex"), Puppy("bit"), Cat("tom")]:
    print(a.speak())
print(Cat("c").lives)
print(issubclass(Puppy, Animal), issubclass(Cat, Dog))
print(isinstance(Puppy("p"), (Cat, Dog)))
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.__base__.__name__, Dog.__subclasses__()[0].__name__)
print(sorted(c.__name__ for c in Animal.__subclasses__()))
