"""Write python3.11's values of sys attributes that Weft must match
(sys_expected.txt: `expr<TAB>repr`), read by sysimport_shim.c."""
import sys

out = sys.argv[1]
exprs = [
    "sys.float_info", "sys.int_info", "sys.hash_info", "sys.maxsize", "sys.maxunicode", "sys.byteorder",
    "sys.platform", "sys.float_repr_style", "sys.api_version", "sys.getdefaultencoding()",
    "sys.getfilesystemencoding()", "sys.getfilesystemencodeerrors()", "sys.version_info.major",
    "sys.version_info.minor", "sys.gettrace()", "sys.getprofile()", "sys.is_finalizing()",
    "sys.getswitchinterval()", "sys.exc_info()", "sys.exception()", "sys.float_info.epsilon",
    "sys.hash_info.modulus", "sys.version_info.n_fields", "sys.version_info.__match_args__",
    "sys.flags.n_fields", "sys.flags.optimize", "sys.flags.int_max_str_digits", "sys.warnoptions",
    "sys.get_int_max_str_digits()", "sys.abiflags", "sys.platlibdir", "sys.float_info.__class__",
    "sys.stdin", "sys.stderr", "sys.stderr.errors", "sys.stdout.encoding", "sys.stdout.mode",
    "sys.stdin.mode", "sys.stdout.closed", "sys.stdout.newlines",
]
with open(out, "w") as f:
    for e in exprs:
        f.write("%s\t%r\n" % (e, eval(e)))
