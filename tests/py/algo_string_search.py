def kmp_table(p):
    t = [0] * len(p)
    k = 0
    for i in range(1, len(p)):
        while k and p[i] != p[k]:
            k = t[k - 1]
        if p[i] == p[k]:
            k += 1
        t[i] = k
    return t
def kmp(text, p):
    t = kmp_table(p)
    res = []
    k = 0
    for i, c in enumerate(text):
        while k and c != p[k]:
            k = t[k - 1]
        if c == p[k]:
            k += 1
        if k == len(p):
            res.append(i - k + 1)
            k = t[k - 1]
    return res
text = "abracadabra" * 20 + "abcabcabd"
for p in ["abra", "cad", "abcabd", "zzz", "a"]:
    r = kmp(text, p)
    naive = [i for i in range(len(text)) if text.startswith(p, i)]
    print(p, len(r), r[:5], r == naive)
print(kmp_table("aabaaab"))
def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}")
        i = j
    return "".join(out)
print(rle("aaabccddddde"), rle(""), rle("x"))
