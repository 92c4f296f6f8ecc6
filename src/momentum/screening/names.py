"""Names of the region in Arabic script and their Latin spellings, for the synthetic world.

Each entry is one name: its Arabic script, its ICAO 9303 transliteration (Doc 9303 part 3,
Arabic table, simplified to the letters an MRZ holds) and the French and English spellings
in use in the region. The generator draws a spelling per document, so the same person may be
MOHAMED on a passport and MUHAMMAD on a notice, as happens at a real counter.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Name:
    arabic: str
    spellings: tuple[str, ...]  # the first is the ICAO transliteration
    sex: str = ""  # "M", "F", or "" for family names


def _n(arabic: str, *spellings: str, sex: str = "") -> Name:
    return Name(arabic, spellings, sex)


MALE = [
    _n("محمد", "MHMD", "MOHAMED", "MUHAMMAD", "MOHAMMED", "MHAMED", sex="M"),
    _n("يوسف", "YWSF", "YOUCEF", "YOUSSEF", "YUSUF", "YOUSSOUF", sex="M"),
    _n("حسين", "HSYN", "HOUCINE", "HUSSEIN", "HOSSEIN", "HUSAYN", sex="M"),
    _n("عبد القادر", "ABD ALQADR", "ABDELKADER", "ABD AL QADIR", "ABDULKADIR", sex="M"),
    _n("أحمد", "AHMD", "AHMED", "AHMAD", sex="M"),
    _n("عمر", "AMR", "OMAR", "UMAR", "OMER", sex="M"),
    _n("خالد", "KHALD", "KHALED", "KHALID", sex="M"),
    _n("مصطفى", "MSTFY", "MUSTAPHA", "MOSTAFA", "MUSTAFA", sex="M"),
    _n("إبراهيم", "IBRAHYM", "BRAHIM", "IBRAHIM", "EBRAHIM", sex="M"),
    _n("عبد الله", "ABD ALLH", "ABDELLAH", "ABDALLAH", "ABDULLAH", sex="M"),
    _n("سعيد", "SAYD", "SAID", "SAEED", "SAYEED", sex="M"),
    _n("علي", "ALY", "ALI", "ALY", sex="M"),
    _n("كريم", "KRYM", "KARIM", "KAREEM", sex="M"),
    _n("رشيد", "RSHYD", "RACHID", "RASHID", "RACHED", sex="M"),
    _n("الطاهر", "ALTAHR", "TAHAR", "TAHER", "TAHIR", sex="M"),
    _n("جمال", "JMAL", "DJAMEL", "JAMAL", "JAMEL", sex="M"),
]
FEMALE = [
    _n("زينب", "ZYNB", "ZINEB", "ZAYNAB", "ZEINAB", sex="F"),
    _n("فاطمة", "FATMH", "FATIMA", "FATMA", "FATIMAH", sex="F"),
    _n("خديجة", "KHDYJH", "KHADIJA", "KHEDIDJA", "KHADIJAH", sex="F"),
    _n("مريم", "MRYM", "MERIEM", "MARYAM", "MARIAM", sex="F"),
    _n("عائشة", "AAYSHH", "AICHA", "AISHA", "AYESHA", sex="F"),
    _n("نور", "NWR", "NOUR", "NOOR", "NUR", sex="F"),
    _n("سلمى", "SLMY", "SALMA", "SELMA", sex="F"),
    _n("ليلى", "LYLY", "LEILA", "LAYLA", "LAILA", sex="F"),
    _n("أمينة", "AMYNH", "AMINA", "AMINAH", "AMINE", sex="F"),
    _n("سعاد", "SAAD", "SOUAD", "SUAD", sex="F"),
    _n("هدى", "HDY", "HOUDA", "HUDA", "HODA", sex="F"),
    _n("رانية", "RANYH", "RANIA", "RANIYA", sex="F"),
]
FAMILY = [
    _n("بن علي", "BN ALY", "BENALI", "BEN ALI", "BIN ALI"),
    _n("الحسيني", "ALHSYNY", "EL HOUSSEINI", "AL HUSSEINI", "HUSSEINI"),
    _n("بوزيد", "BWZYD", "BOUZID", "BUZAYD", "BOUZIT"),
    _n("المنصوري", "ALMNSWRY", "EL MANSOURI", "AL MANSOURI", "MANSOURI"),
    _n("حداد", "HDAD", "HADDAD", "HADAD", "HADDED"),
    _n("الشريف", "ALSHRYF", "CHERIF", "AL SHARIF", "SHERIF"),
    _n("العمراني", "ALAMRANY", "EL AMRANI", "AL AMRANI", "AMRANI"),
    _n("بلقاسم", "BLQASM", "BELKACEM", "BELQASIM", "BELGACEM"),
    _n("الزين", "ALZYN", "ZINE", "AL ZAIN", "EZZINE"),
    _n("سليماني", "SLYMANY", "SLIMANI", "SULAYMANI", "SLEIMANI"),
    _n("عثماني", "ATHMANY", "OTHMANI", "UTHMANI", "OSMANI"),
    _n("الخطيب", "ALKHTYB", "KHATIB", "AL KHATEEB", "EL KHATIB"),
    _n("ناصر", "NASR", "NACER", "NASSER", "NASIR"),
    _n("يعقوبي", "YAQWBY", "YACOUBI", "YAQUBI", "YAKOUBI"),
    _n("الحداد", "ALHDAD", "EL HADDAD", "AL HADDAD", "ELHADDAD"),
    _n("قاسمي", "QASMY", "KACEMI", "QASIMI", "GACEMI"),
]
# Travellers of other nationalities, whose names have one spelling only.
OTHER_GIVEN = {
    "M": ["JOHN", "PIERRE", "CARLOS", "LUCA", "JAN", "DAVID", "PAUL", "MARCO"],
    "F": ["ANNA", "MARIE", "SOFIA", "ELENA", "CLAIRE", "JULIA", "LAURA", "EMMA"],
}
OTHER_FAMILY = ["MARTIN", "SCHMIDT", "ROSSI", "GARCIA", "SMITH", "DUBOIS", "NOVAK", "SILVA"]

# The programme's region (three-letter codes as in an MRZ) and others who cross its borders.
REGION_STATES = ["DZA", "MAR", "TUN", "LBY", "EGY", "JOR", "LBN", "MRT"]
OTHER_STATES = ["FRA", "DEU", "ITA", "ESP", "GBR", "USA", "NLD", "BRA"]

# Arabic letters to Latin, after ICAO 9303 part 3 (the MRZ keeps the letters only).
_ARABIC_TO_LATIN = {
    "ا": "A",
    "أ": "A",
    "إ": "I",
    "آ": "A",
    "ء": "",
    "ئ": "Y",
    "ؤ": "W",
    "ب": "B",
    "ت": "T",
    "ث": "TH",
    "ج": "J",
    "ح": "H",
    "خ": "KH",
    "د": "D",
    "ذ": "DH",
    "ر": "R",
    "ز": "Z",
    "س": "S",
    "ش": "SH",
    "ص": "S",
    "ض": "D",
    "ط": "T",
    "ظ": "Z",
    "ع": "A",
    "غ": "GH",
    "ف": "F",
    "ق": "Q",
    "ك": "K",
    "ل": "L",
    "م": "M",
    "ن": "N",
    "ه": "H",
    "ة": "H",
    "و": "W",
    "ي": "Y",
    "ى": "Y",
    " ": " ",
}


def transliterate(arabic: str) -> str:
    """Arabic script to the Latin letters of ICAO 9303's table; other characters pass."""
    return "".join(_ARABIC_TO_LATIN.get(char, char) for char in arabic).upper()
