# ruff: noqa: E501
"""A labelled corpus of Knowledge Hub posts, to measure the content guard.

Posts an officer could write in the network, in Arabic, French and English: benign ones
(training experiences, gender equality in policing, leadership, event announcements, shared
resources), full of numbers that must pass (dates, years, times, statistics, amounts, article,
resolution and session numbers, ISO standards, hours, pages, public URLs, programme
mailboxes), a few that name a watched word (held, not blocked), and operational ones that leak
an identifier the guard must block. Every identifier is invented; the IBANs carry valid
check digits so that the checksum rule is exercised.

Each sample is ``(language, text, expected_kinds)``; ``expected_kinds`` is empty for a benign
post, ``{WATCHED_TERM}`` for one the guard must hold, and the identifier kinds otherwise.
"""

from __future__ import annotations

from typing import NamedTuple

from momentum.hub.guard import FindingKind

PHONE = FindingKind.PHONE
EMAIL = FindingKind.EMAIL
DOCUMENT = FindingKind.TRAVEL_DOCUMENT
MRZ = FindingKind.MRZ
IBAN = FindingKind.IBAN
INTERPOL = FindingKind.INTERPOL_REFERENCE
IP = FindingKind.IP_ADDRESS
COORDINATES = FindingKind.COORDINATES
WATCHED = FindingKind.WATCHED_TERM

# The watched words and phrases the corpus is checked with, as staff would list them.
WATCHED_TERMS: tuple[str, ...] = (
    "suspect",
    "raid",
    "informant",
    "Operation Sahara",
    "perquisition",
    "informateur",
    "opération Sahara",
    "مشتبه به",
    "مداهمة",
    "مخبر",
    "عملية الصحراء",
)


class Sample(NamedTuple):
    language: str
    text: str
    expected_kinds: frozenset[FindingKind]


def _samples(language: str, rows: list[tuple[str, set[FindingKind]]]) -> list[Sample]:
    return [Sample(language, text, frozenset(kinds)) for text, kinds in rows]


ENGLISH = _samples(
    "en",
    [
        # --- benign ---
        (
            "Our 2024 leadership course trained 1,250 officers across six countries; 38% of participants were women, up from 22% in 2021.",
            set(),
        ),
        (
            "Reminder: the gender-responsive policing workshop starts on 12/03/2025 at 09:30 in room 204, building B. Please arrive by 09:15.",
            set(),
        ),
        (
            "The new module MTM-GEN-101 is 24 hours long, split into six sessions of four hours. Slides are on page 45 of the handbook.",
            set(),
        ),
        (
            "Does anyone have experience implementing ISO 37001 anti-bribery management in a police academy? We are reviewing clauses 8.2 to 8.9.",
            set(),
        ),
        (
            "UN Security Council resolution 1325 (2000) is still the backbone of our women, peace and security training. Resolution 2250 (2015) covers youth.",
            set(),
        ),
        (
            "Registration for the Amman session closes on 2025-04-30. Questions go to the programme mailbox capacitybuilding@interpol.int.",
            set(),
        ),
        (
            "Great discussion yesterday on mentoring. Out of 64 mentees, 51 completed the six-month cycle (79.7%).",
            set(),
        ),
        (
            "The budget line for interpretation is EUR 120,000 for 2024-2025, about 15% of the total.",
            set(),
        ),
        (
            "I uploaded the updated checklist (version 2.4.1) for planning community policing visits. Feedback welcome before Friday 14:00.",
            set(),
        ),
        (
            "Useful reading: https://www.unodc.org/unodc/en/human-trafficking/ and the EU handbook at https://home-affairs.ec.europa.eu/ (chapter 3, pp. 112-130).",
            set(),
        ),
        (
            "Officers who finished the e-learning in less than 3.5 hours scored 4.2/5 on average; those who took 6+ hours scored 4.6/5.",
            set(),
        ),
        (
            "Our station cut average response time from 18 to 11 minutes between 2019 and 2023 after redesigning shifts (3 x 8h instead of 2 x 12h).",
            set(),
        ),
        (
            "Tip for trainers: keep groups to 20-25 participants. In cohort 7, groups of 32 made the role plays hard to manage.",
            set(),
        ),
        (
            "The regional conference will take place on 14-16 October 2025 in Tunis. Around 300 participants are expected from 18 countries.",
            set(),
        ),
        (
            "Section 4.3.2 of the guide explains how to set up a women officers' network; annex 2 has a template charter.",
            set(),
        ),
        (
            "For EU-funded activities, write to the delegation's generic mailbox DELEGATION-JORDAN@eeas.europa.eu.",
            set(),
        ),
        (
            "Emergency numbers for visitors: 911 in Jordan, 19 in Morocco, 122 in Egypt, and 112 from any mobile phone in Europe.",
            set(),
        ),
        (
            "We demonstrated the I-24/7 network in session 3 of the course; participants rated it 9 out of 10.",
            set(),
        ),
        (
            "How do your academies count training hours? We count 45-minute periods, so 40 periods = 30 hours.",
            set(),
        ),
        (
            "Our women's leadership circle meets every second Tuesday, 18:00-19:30, in room 1.14 of the academy library.",
            set(),
        ),
        (
            "Between January and June 2025 we held 14 workshops and reached 412 officers and 96 community leaders.",
            set(),
        ),
        (
            "The salary scales in the study are from 2022: an entry-level constable earned 420 to 480 JOD a month.",
            set(),
        ),
        (
            "The toolkit is available in three languages; the Arabic version has 86 pages and the French one 92.",
            set(),
        ),
        (
            "Can someone share good practice for interviewing child victims? We follow the 2019 national guidelines (articles 17 to 23).",
            set(),
        ),
        (
            "Attendance certificates for this cohort are numbered CERT-2025-0042 to CERT-2025-0187.",
            set(),
        ),
        (
            "Key lesson from the exchange visit to Rabat: pairing a senior and a junior officer for 6 months improved retention by 12 points.",
            set(),
        ),
        (
            "The e-learning platform will be down for maintenance on 05.06.2025 from 22:00 to 02:00 (GMT+3).",
            set(),
        ),
        ("Survey results: 1,024 responses, margin of error ±3.1%, confidence level 95%.", set()),
        (
            "Does anyone have the latest code of conduct? Ours dates from 2016 and has 54 articles.",
            set(),
        ),
        (
            "Trainers, please send attendance sheets within 48 hours. Sessions 2025/01 to 2025/06 are still incomplete.",
            set(),
        ),
        (
            "In our case, peer review worked better than top-down evaluation: 17 of 20 units adopted it by 2024.",
            set(),
        ),
        (
            "Case study 4 in the manual (pages 210-219) shows how a neighbourhood forum cut complaints by 30%.",
            set(),
        ),
        (
            "The call for applications opens on 1 March; the deadline is 31/03/2025 at 23:59 Amman time.",
            set(),
        ),
        (
            "Pilot budget: USD 35,000, of which 12,500 for travel and 8,750 for interpretation.",
            set(),
        ),
        (
            "INTERPOL issued 12,260 Red Notices in 2023, according to the annual report (p. 14). Worth a session on how notices work.",
            set(),
        ),
        ("ISBN 0-19-852663-6 is still the best book I know on police leadership.", set()),
        ("Windows 10.0.19041.1 or later is required for the e-learning platform.", set()),
        ("Office hours: 08.30-12.30 and 13.30-16.30, Monday to Thursday.", set()),
        ("Section 2.1.3.4 of the procedures manual covers gender-sensitive interviews.", set()),
        ("See UN documents S/RES/1325 (2000) and A/RES/70/1 for the global framework.", set()),
        ("Our academy trained 3,250 recruits in 2023-2024 and 3,900 in 2024-2025.", set()),
        ("Room B-204, 2nd floor, phone extension 4412 for the training unit.", set()),
        ("Red Notices rose 12% to 12,260 between 2022 and 2023.", set()),
        ("Our case management training (module 12, 2025-2026 cycle) starts soon.", set()),
        (
            "The academy has 1,420 cadets; 312 are women (22%). The trainer-to-trainee ratio is 1:18.",
            set(),
        ),
        ("We meet at 10.30 in hall 2, then visit the 112 call centre (45 operators, 24/7).", set()),
        # Known false alarm by design: an organisation's mailbox outside the allowed domains.
        (
            "Questions about the OSCE gender toolkit can go to info@osce.org, they answer quickly.",
            set(),
        ),
        # --- watched words: held for moderation ---
        (
            "The raid simulation in last week's exercise was far too long: trainees spent 90 minutes in the briefing.",
            {WATCHED},
        ),
        (
            "How do you teach the rights of a suspect during questioning? We spend two hours on it in module 5.",
            {WATCHED},
        ),
        (
            "Lessons learned from the training component of Operation Sahara are in the 2023 report.",
            {WATCHED},
        ),
        # --- operational: blocked ---
        ("For the visit, call Major Khalil directly on +962 79 555 0142 or on WhatsApp.", {PHONE}),
        ("If you need the files, my mobile is 0791234567, any time after 16:00.", {PHONE}),
        ("Contact our colleague in Casablanca: 06 61 23 45 78.", {PHONE}),
        ("She can be reached on 00213 661 23 45 67 until Thursday.", {PHONE}),
        ("Egyptian liaison officer: +20 100 123 4567 (also on Signal).", {PHONE}),
        ("Lebanon focal point: 03 456 789, please call before 10am.", {PHONE}),
        ("Tunis team, tel. 98 765 432.", {PHONE}),
        ("Ramallah desk: 0599 123 456, ask for Rania.", {PHONE}),
        (
            "Send the draft to my personal address, karim.benali1987@gmail.com, not the office one.",
            {EMAIL},
        ),
        ("You can write to leila_haddad@yahoo.fr for the photos of the workshop.", {EMAIL}),
        ("His email is omar.saleh [at] hotmail [dot] com if you want the contacts.", {EMAIL}),
        ("Passport A12345678 issued in Amman was used to book the flight.", {DOCUMENT}),
        ("The man travelled on passport number N1234567 last month.", {DOCUMENT}),
        (
            "ID card no. 9851234567 belongs to the complainant, please keep it confidential.",
            {DOCUMENT},
        ),
        (
            "Scan of the data page:\nP<EGYMANSOUR<<TAREK<<<<<<<<<<<<<<<<<<<<<<<<<\nA123456784EGY8503126M3001015<<<<<<<<<<<<<<02",
            {MRZ},
        ),
        ("Bottom line of the card reads IDJORAB12345678<<<<<<<<<<<<<<<", {MRZ}),
        ("The money went to JO95 ARAB 1180 0000 0000 1234 5675 00 before the meeting.", {IBAN}),
        ("Transfer the deposit to IBAN EG38 0019 0005 0000 0000 2631 8000 2.", {IBAN}),
        ("Bank account 0001-2345-6789-0123 at the Housing Bank, Amman branch.", {IBAN}),
        (
            "Red Notice A-2871/3-2025 was issued for the fugitive we discussed at the meeting.",
            {INTERPOL},
        ),
        ("Please check case file 2025/14873 before the call.", {INTERPOL}),
        ("The diffusion ref. DIF-2024-3391 is still active.", {INTERPOL}),
        ("The logs show the login came from 185.23.114.7 at 03:12.", {IP}),
        ("The seized router's admin IP was 10.0.0.138.", {IP}),
        ("Connection from 2a02:c7f:5a2e:3e00:8d4b:1c9f:2b3a:77e1 flagged by the provider.", {IP}),
        ("Meeting point for the team: 31.9539, 35.9106 (near the roundabout).", {COORDINATES}),
        ("The vehicle was found at 33°53'13\"N 35°30'47\"E.", {COORDINATES}),
        ("GPS: 36.75, 3.06, the warehouse behind the market.", {COORDINATES}),
        ("Call me on +212 6 61 23 45 78 or email y.alaoui.private@outlook.com.", {PHONE, EMAIL}),
        ("WhatsApp me on 079 555 0142 if the venue changes.", {PHONE}),
        ("Sfax office: +216 74 123 456.", {PHONE}),
        ("Text me on 07 95 55 01 42 when you land.", {PHONE}),
        ("Her Egyptian national ID is 29001011234567.", {DOCUMENT}),
        ("His passport no. P1234567 expires next year.", {DOCUMENT}),
        ("The transfer went through IBAN LB62 0999 0000 0001 0019 0122 9114.", {IBAN}),
        (
            "Yellow notice file 2024/55312 is about the missing girl from the workshop case.",
            {INTERPOL},
        ),
        ("The hotel wifi logged 172.16.254.1 for his laptop.", {IP}),
        ("Last known location 33.8938,35.5018.", {COORDINATES}),
    ],
)

FRENCH = _samples(
    "fr",
    [
        # --- benign ---
        (
            "En 2024, 1 250 policiers et policières ont suivi le parcours de leadership ; les femmes représentaient 38 % des participants, contre 22 % en 2021.",
            set(),
        ),
        (
            "Rappel : l'atelier sur la police sensible au genre commence le 12/03/2025 à 9 h 30, salle 204, bâtiment B.",
            set(),
        ),
        (
            "Le module MTM-GEN-101 dure 24 heures, réparties en six séances de quatre heures. Les diapositives sont à la page 45 du manuel.",
            set(),
        ),
        (
            "Quelqu'un a-t-il mis en place la norme ISO 37001 dans une école de police ? Nous relisons les clauses 8.2 à 8.9.",
            set(),
        ),
        (
            "La résolution 1325 (2000) du Conseil de sécurité reste notre référence ; la résolution 2250 (2015) porte sur la jeunesse.",
            set(),
        ),
        (
            "Inscriptions pour la session de Rabat jusqu'au 30 avril 2025 : écrire à la boîte du programme capacitybuilding@interpol.int.",
            set(),
        ),
        ("Sur 64 mentorées, 51 ont terminé le cycle de six mois, soit 79,7 %.", set()),
        (
            "La ligne budgétaire « interprétation » s'élève à 120 000 EUR pour 2024-2025, soit environ 15 % du total.",
            set(),
        ),
        (
            "Le temps moyen d'intervention est passé de 18 à 11 minutes entre 2019 et 2023 après la réorganisation des brigades (3 × 8 h au lieu de 2 × 12 h).",
            set(),
        ),
        (
            "La conférence régionale aura lieu du 14 au 16 octobre 2025 à Tunis ; environ 300 participants de 18 pays sont attendus.",
            set(),
        ),
        (
            "La loi n° 103-13 relative à la lutte contre les violences faites aux femmes est au programme du module 3 (articles 1 à 17).",
            set(),
        ),
        (
            "Numéros d'urgence pour les visiteurs : 19 au Maroc, 197 en Tunisie, 17 en Algérie, 112 depuis un portable en Europe.",
            set(),
        ),
        (
            "Le cercle des femmes cadres se réunit un mardi sur deux de 18 h à 19 h 30, salle 1.14 de la bibliothèque.",
            set(),
        ),
        (
            "De janvier à juin 2025 : 14 ateliers, 412 agents formés et 96 responsables associatifs rencontrés.",
            set(),
        ),
        ("La version arabe de la boîte à outils compte 86 pages, la version française 92.", set()),
        (
            "Ressources utiles : https://www.interpol.int/fr/Notre-action/Renforcement-des-capacites et https://home-affairs.ec.europa.eu/ (chapitre 3, p. 112-130).",
            set(),
        ),
        (
            "Nous comptons les heures de formation en séquences de 45 minutes : 40 séquences = 30 heures.",
            set(),
        ),
        (
            "Les attestations de cette promotion sont numérotées de CERT-2025-0042 à CERT-2025-0187.",
            set(),
        ),
        (
            "Résultats de l'enquête de satisfaction : 1 024 réponses, marge d'erreur ±3,1 %, niveau de confiance 95 %.",
            set(),
        ),
        (
            "Leçon de la visite d'échange à Rabat : le binôme senior/junior pendant 6 mois a amélioré la fidélisation de 12 points.",
            set(),
        ),
        ("La plateforme sera indisponible le 05.06.2025 de 22 h à 2 h (heure d'Amman).", set()),
        (
            "Budget du projet pilote : 35 000 USD, dont 12 500 pour les déplacements et 8 750 pour l'interprétation.",
            set(),
        ),
        (
            "L'étude de cas n° 4 (pages 210-219) montre comment un forum de quartier a réduit les plaintes de 30 %.",
            set(),
        ),
        ("Date limite de candidature : 31/03/2025 à 23 h 59, heure de Tunis.", set()),
        (
            "Avez-vous la dernière version du code de déontologie ? La nôtre date de 2016 et compte 54 articles.",
            set(),
        ),
        (
            "Les feuilles de présence des sessions 2025/01 à 2025/06 sont encore incomplètes, merci de les envoyer sous 48 heures.",
            set(),
        ),
        (
            "Le décret n° 2-18-856 précise l'organisation de la formation continue ; voir aussi l'arrêté du 12 février 2024.",
            set(),
        ),
        (
            "Les grilles salariales citées datent de 2022 : un gardien de la paix débutant touchait entre 4 200 et 4 800 dirhams par mois.",
            set(),
        ),
        (
            "Le dossier de candidature (formulaire, CV, lettre de motivation) doit parvenir avant le 15/04/2025.",
            set(),
        ),
        (
            "Pour les activités financées par l'UE, écrire à la boîte générique DELEGATION-TUNISIE@eeas.europa.eu.",
            set(),
        ),
        (
            "En 2023, INTERPOL a publié 12 260 notices rouges ; les chiffres sont dans le rapport annuel 2023, p. 14.",
            set(),
        ),
        (
            "Les stagiaires ont noté la formation 4,6 sur 5, contre 4,2 l'an dernier ; 92 % la recommandent.",
            set(),
        ),
        (
            "Mise à jour : la grille d'observation (version 2.4.1) pour les visites de police de proximité est en ligne.",
            set(),
        ),
        (
            "Le taux de féminisation des commissaires est passé de 7,5 % en 2015 à 13,25 % en 2024 ; objectif 20 % en 2030.",
            set(),
        ),
        (
            "Prochaine séance du réseau le jeudi 6 novembre à 10 h (heure de Rabat), visioconférence de 90 minutes.",
            set(),
        ),
        ("Le coût unitaire est de 1.250 dinars, soit 3.400 pour trois agents.", set()),
        ("Nos 2 500 000 habitants, 1 200 000 ménages et 0,5 % de hausse annuelle.", set()),
        ("Réunion le 03/04/2025 de 10:00 à 12:00 puis le 04/04/2025 à la même heure.", set()),
        ("La session n° 12/2025 du cours de leadership aura lieu à Alger.", set()),
        ("En 2024, 12 345 678 dinars ont été consacrés à la formation continue.", set()),
        ("Le dossier 2024-2025 des bonnes pratiques est en ligne.", set()),
        ("Voir la procédure PR-2024-03 du manuel qualité.", set()),
        (
            "La formation a duré 3 jours (21 heures), de 8 h 30 à 16 h 30, pour un coût de 1 850 000 DA.",
            set(),
        ),
        (
            "Le plan d'action 2023-2027 prévoit 4 axes et 17 mesures ; 9 sont réalisées (53 %).",
            set(),
        ),
        (
            "Version 3.2 du référentiel : à télécharger sur https://www.interpol.int/fr/Ressources.",
            set(),
        ),
        (
            "L'article L. 121-1 du code de la sécurité intérieure fonde la police de proximité.",
            set(),
        ),
        # Known false alarm by design: a public hotline is still a phone number.
        (
            "Numéro vert gratuit 080 100 2030 pour les victimes de violences, à afficher dans les commissariats.",
            set(),
        ),
        # --- watched words: held for moderation ---
        (
            "Comment expliquer aux stagiaires les droits du suspect pendant la garde à vue ? Nous y consacrons deux heures.",
            {WATCHED},
        ),
        (
            "L'exercice de simulation de perquisition était trop long : 90 minutes de briefing.",
            {WATCHED},
        ),
        (
            "Les enseignements du volet formation de l'opération Sahara figurent dans le rapport 2023.",
            {WATCHED},
        ),
        # --- operational: blocked ---
        (
            "Pour la visite, appelez directement le commandant Khalil au +962 79 555 0142 ou sur WhatsApp.",
            {PHONE},
        ),
        ("Mon portable : 06 61 23 45 78, joignable après 16 h.", {PHONE}),
        ("Vous pouvez joindre notre collègue d'Alger au 0550 12 34 56.", {PHONE}),
        ("Le numéro de l'officier de liaison : 00216 98 765 432.", {PHONE}),
        ("Tél. : 71 234 567 (standard de la brigade de Tunis).", {PHONE}),
        ("Contact à Beyrouth : 03 456 789, de préférence le matin.", {PHONE}),
        ("Notre collègue égyptien : +20 10 0123 4567.", {PHONE}),
        ("Envoyez le brouillon à mon adresse perso, karim.benali1987@gmail.com.", {EMAIL}),
        ("Mon adresse : leila.haddad@orange.fr, pour les photos de l'atelier.", {EMAIL}),
        ("Écrivez-moi : omar.saleh (arobase) hotmail (point) com", {EMAIL}),
        ("Le passeport n° 12AB34567 a été utilisé pour la réservation.", {DOCUMENT}),
        ("L'intéressé voyage avec le passeport AB1234567 depuis mars.", {DOCUMENT}),
        ("CIN de la plaignante : BE876543, à ne pas diffuser.", {DOCUMENT}),
        (
            "Sa carte nationale d'identité électronique (CNIE) n° JA123456 a été retrouvée.",
            {DOCUMENT},
        ),
        (
            "Bande MRZ du passeport :\nP<MARALAOUI<<YOUSSEF<<<<<<<<<<<<<<<<<<<<<<<<\nAB12345674MAR8807153M2907143<<<<<<<<<<<<<<06",
            {MRZ},
        ),
        ("Dernière ligne lisible de la carte : IDTUN0123456789<<<<<<<<<<<<<<<", {MRZ}),
        ("Virement à effectuer sur l'IBAN TN59 1000 6035 1835 9847 8831.", {IBAN}),
        ("RIB du compte : 011 780 0000123456789012 34", {IBAN}),
        ("Coordonnées bancaires : FR76 3000 6000 0112 3456 7890 189", {IBAN}),
        ("La notice rouge A-2871/3-2025 concerne l'individu évoqué hier.", {INTERPOL}),
        ("Merci de vérifier le dossier 2025/14873 avant la réunion.", {INTERPOL}),
        ("Diffusion jaune n° 2024-3391 toujours active.", {INTERPOL}),
        ("La connexion provient de l'adresse 185.23.114.7 à 3 h 12.", {IP}),
        ("L'IP du routeur saisi était 10.0.0.138.", {IP}),
        ("Adresse IPv6 relevée : 2a02:c7f:5a2e:3e00::77e1", {IP}),
        ("Point de rendez-vous de l'équipe : 31.9539, 35.9106.", {COORDINATES}),
        ("Le véhicule a été retrouvé à 33°53'13\"N 35°30'47\"E.", {COORDINATES}),
        ("Coordonnées GPS : 36,7538 ; 3,0588 (derrière le marché).", {COORDINATES}),
        (
            "Appelez-moi au +212 6 61 23 45 78 ou écrivez à y.alaoui.perso@outlook.com.",
            {PHONE, EMAIL},
        ),
        ("Mon fixe à Rabat : 05 37 12 34 56.", {PHONE}),
        ("Le Caire : (02) 2345 6789, demander le bureau de la formation.", {PHONE}),
        ("n° de tél : 0612345678", {PHONE}),
        ("Beyrouth, portable 70 123 456.", {PHONE}),
        ("Mon WhatsApp : +213 5 50 12 34 56.", {PHONE}),
        ("Passeport algérien 123456789, délivré à Oran.", {DOCUMENT}),
        ("Son numéro de passeport : 18CV12345", {DOCUMENT}),
        ("IBAN : MA64 0115 1900 0001 2050 0053 4921", {IBAN}),
        ("Contact perso : sara-m@protonmail.ch", {EMAIL}),
        ("Écrivez sur mon Gmail : nadia.b.1990@gmail.com", {EMAIL}),
        ("Adresse du serveur : 196.200.131.10", {IP}),
        ("Position relevée : 35°10'28\" N, 3°0'47\" O", {COORDINATES}),
    ],
)

ARABIC = _samples(
    "ar",
    [
        # --- benign ---
        (
            "في عام 2024 تدرّب 1250 ضابطاً وضابطة في إطار البرنامج، وبلغت نسبة مشاركة النساء 38% مقارنة بـ22% عام 2021.",
            set(),
        ),
        (
            "تذكير: تبدأ ورشة العمل حول العمل الشرطي المراعي للنوع الاجتماعي يوم ١٢/٠٣/٢٠٢٥ الساعة ٩:٣٠ صباحاً في القاعة ٢٠٤.",
            set(),
        ),
        (
            "يتكوّن المساق الجديد من 24 ساعة تدريبية موزّعة على ست جلسات، والعرض التقديمي متاح في الصفحة 45 من الدليل.",
            set(),
        ),
        (
            "هل لدى أحد الزملاء تجربة في تطبيق المعيار ISO 37001 لمكافحة الرشوة داخل أكاديمية الشرطة؟ نراجع حالياً البنود من 8.2 إلى 8.9.",
            set(),
        ),
        (
            "ما زال قرار مجلس الأمن 1325 (2000) المرجع الأساسي لتدريباتنا حول المرأة والسلام والأمن، ويكمّله القرار 2250 (2015) الخاص بالشباب.",
            set(),
        ),
        (
            "للاستفسار عن التسجيل يرجى مراسلة البريد العام للبرنامج capacitybuilding@interpol.int قبل ٣٠ نيسان ٢٠٢٥.",
            set(),
        ),
        ("من أصل ٦٤ متدرّبة في برنامج الإرشاد، أكملت ٥١ الدورة كاملة أي بنسبة ٧٩٫٧٪.", set()),
        ("خُصّص مبلغ 120000 يورو للترجمة الفورية في موازنة 2024-2025، أي نحو 15% من المجموع.", set()),
        (
            "انخفض متوسط زمن الاستجابة في مركزنا من 18 إلى 11 دقيقة بين عامي 2019 و2023 بعد إعادة تنظيم المناوبات.",
            set(),
        ),
        (
            "ينعقد المؤتمر الإقليمي من 14 إلى 16 تشرين الأول/أكتوبر 2025 في تونس بمشاركة نحو 300 شخص من 18 دولة.",
            set(),
        ),
        (
            "تنص المادة 17 من القانون الأساسي رقم 58 لسنة 2017 في تونس على حماية النساء من العنف، وهي مفيدة جداً في تدريب المحققين.",
            set(),
        ),
        ("أرقام الطوارئ للزوار: 911 في الأردن، و19 في المغرب، و122 في مصر، و197 في تونس.", set()),
        (
            "تلتقي شبكة القيادات النسائية يوم الثلاثاء الثاني من كل شهر من الساعة 18:00 حتى 19:30 في القاعة 1.14.",
            set(),
        ),
        (
            "بين كانون الثاني وحزيران ٢٠٢٥ نظّمنا ١٤ ورشة ووصلنا إلى ٤١٢ ضابطاً و٩٦ من قادة المجتمع المحلي.",
            set(),
        ),
        (
            "تقع النسخة العربية من الدليل في ٨٦ صفحة والنسخة الفرنسية في ٩٢ صفحة، وكلتاهما متاحتان للتحميل.",
            set(),
        ),
        (
            "الرابط الرسمي لمواد التدريب: https://www.interpol.int/ar/ وفيه قسم خاص بالشرطة المجتمعية.",
            set(),
        ),
        ("نعتمد الحصة التدريبية ومدتها ٤٥ دقيقة، فتعادل ٤٠ حصة ٣٠ ساعة تدريب فعلية.", set()),
        ("شهادات الحضور لهذه الدفعة مرقّمة من CERT-2025-0042 إلى CERT-2025-0187.", set()),
        ("نتائج الاستبيان: ١٠٢٤ إجابة، وهامش الخطأ ±٣٫١٪ عند مستوى ثقة ٩٥٪.", set()),
        (
            "الدرس الأهم من زيارة الرباط: إقران ضابطة متمرّسة بزميلة حديثة التعيين لمدة ستة أشهر رفع نسبة البقاء في الخدمة 12 نقطة.",
            set(),
        ),
        ("ستتوقف المنصة للصيانة يوم 05.06.2025 من الساعة 22:00 حتى 02:00 بتوقيت عمّان.", set()),
        ("موازنة المشروع التجريبي 35000 دولار، منها 12500 للسفر و8750 للترجمة الفورية.", set()),
        (
            "في دراسة الحالة رقم 4 (الصفحات 210-219) مثال على منتدى أحياء خفّض الشكاوى بنسبة 30%.",
            set(),
        ),
        ("آخر موعد لتقديم الطلبات ٣١/٠٣/٢٠٢٥ الساعة ٢٣:٥٩ بتوقيت عمّان.", set()),
        ("هل لديكم نسخة محدّثة من مدونة السلوك؟ نسختنا تعود إلى عام 2016 وتضم 54 مادة.", set()),
        (
            "لم تُستكمل بعدُ كشوف الحضور للجلسات من 2025/01 إلى 2025/06، يرجى إرسالها خلال 48 ساعة.",
            set(),
        ),
        (
            "مدة الوحدة التدريبية MTM-GEN-101 أربع وعشرون ساعة، والحد الأقصى للمجموعة 25 مشاركاً.",
            set(),
        ),
        ("تراوحت رواتب المستجدين في الدراسة بين 420 و480 ديناراً شهرياً بحسب بيانات 2022.", set()),
        (
            "شكراً للزميلات في الرباط على تنظيم الزيارة الميدانية التي شارك فيها 27 ضابطاً من 5 مديريات.",
            set(),
        ),
        (
            "يمكن لمشاريع الاتحاد الأوروبي التواصل عبر العنوان العام DELEGATION-JORDAN@eeas.europa.eu.",
            set(),
        ),
        (
            "أصدر الإنتربول عام 2023 نحو 12260 نشرة حمراء بحسب التقرير السنوي، ويستحق الموضوع جلسة تعريفية.",
            set(),
        ),
        ("قيّم المتدربون الدورة بـ4.6 من 5 مقابل 4.2 في الدورة السابقة، ويوصي بها 92% منهم.", set()),
        (
            "تحديث: النسخة 2.4.1 من قائمة التحقق الخاصة بزيارات الشرطة المجتمعية متاحة الآن في قسم الموارد.",
            set(),
        ),
        (
            "ارتفعت نسبة النساء في الرتب القيادية من ٧٫٥٪ عام ٢٠١٥ إلى ١٣٫٢٥٪ عام ٢٠٢٤، والهدف ٢٠٪ بحلول ٢٠٣٠.",
            set(),
        ),
        (
            "الاجتماع القادم للشبكة يوم الخميس ٦ تشرين الثاني الساعة ١٠:٠٠ بتوقيت الرباط عبر الاتصال المرئي لمدة ٩٠ دقيقة.",
            set(),
        ),
        ("تم تدريب 2500 ضابط في 2023/2024 بكلفة 1.250.000 درهم.", set()),
        ("القرار رقم 2025/14 بشأن تنظيم الدورات التدريبية منشور في قسم الموارد.", set()),
        ("عدد المشاركين 1420 منهم 312 امرأة (22%)، ونسبة المدربين إلى المتدربين 1:18.", set()),
        ("تضم الخطة الاستراتيجية 2023-2027 أربعة محاور و17 إجراءً نُفّذ منها 9 (53%).", set()),
        ("تمتد الدورة من الساعة ٨:٣٠ حتى ١٦:٣٠ بكلفة ١٨٥٠٠٠٠ دينار جزائري للمجموعة.", set()),
        ("يحتوي الفصل 2.1.3.4 من الدليل الإجرائي على نموذج مقابلة مراعية للنوع الاجتماعي.", set()),
        ("ارتفع عدد النشرات الحمراء بنسبة 12% ليبلغ 12,260 بين عامي 2022 و2023.", set()),
        ("راجعوا المادة 45 من قانون الأمن العام والتعليمات رقم 3 لسنة 2021 قبل الجلسة.", set()),
        # Known false alarm by design: a public hotline is still a phone number.
        (
            "الخط الساخن لحماية الأسرة ٠٨٠٠٢٢٢٣٣٣ مجاني ويعمل على مدار الساعة، ويمكن تعليقه في المراكز.",
            set(),
        ),
        # --- watched words: held for moderation ---
        (
            "كيف نشرح للمتدربين حقوق المشتبه به أثناء الاستجواب؟ نخصّص لذلك ساعتين في الوحدة الخامسة.",
            {WATCHED},
        ),
        ("كان تمرين محاكاة المداهمة طويلاً جداً، إذ استغرق الإيجاز وحده ٩٠ دقيقة.", {WATCHED}),
        ("الدروس المستفادة من الشق التدريبي لعملية الصحراء واردة في تقرير 2023.", {WATCHED}),
        # --- operational: blocked ---
        ("للتنسيق المباشر اتصلوا بالرائد خليل على الرقم ٠٧٩٥٥٥٠١٤٢ أو عبر واتساب.", {PHONE}),
        ("رقم هاتف الزميلة في الدار البيضاء: 0661234578", {PHONE}),
        (
            "يمكن التواصل مع ضابط الارتباط المصري على \u200e+20 100 123 4567\u200e طوال الأسبوع.",
            {PHONE},
        ),
        ("هاتفي في غزة ٠٥٩٩١٢٣٤٥٦ ومتاح طوال اليوم.", {PHONE}),
        ("الرقم الدولي لمكتب بيروت: ٠٠٩٦١ ٣ ٤٥٦ ٧٨٩", {PHONE}),
        ("للتواصل مع فريق تونس: الهاتف ٢٢ ٣٤٥ ٦٧٨", {PHONE}),
        ("رقم زميلنا في الجزائر العاصمة 0550 12 34 56 بعد الساعة الرابعة.", {PHONE}),
        ("أرسلوا الصور إلى بريدي الشخصي rania.mansour88@gmail.com وليس إلى بريد العمل.", {EMAIL}),
        ("عنوانه الإلكتروني tarek_saleh@hotmail.com لمن يريد التواصل معه.", {EMAIL}),
        ("يمكن مراسلتي على salma.k [at] yahoo [dot] com", {EMAIL}),
        ("سافر المعني بجواز السفر رقم \u200fN٢٣٤٥٦٧٨\u200f الشهر الماضي.", {DOCUMENT}),
        ("رقم الجواز: A١٢٣٤٥٦٧٨ صادر في عمّان.", {DOCUMENT}),
        ("الرقم الوطني للمشتكية ٩٨٥١٢٣٤٥٦٧ ويرجى عدم تداوله.", {DOCUMENT}),
        ("رقم البطاقة الوطنية للمعني BE٨٧٦٥٤٣", {DOCUMENT}),
        (
            "صورة صفحة البيانات:\nP<JORHADDAD<<AMINA<<<<<<<<<<<<<<<<<<<<<<<<<<\nN123456784JOR8001012F3001015<<<<<<<<<<<<<<04",
            {MRZ},
        ),
        ("السطر المقروء آلياً من البطاقة: IDMARAB1234567<<<<<<<<<<<<<<<<", {MRZ}),
        (
            "حوّلوا المبلغ إلى الحساب JO94 CBJO 0010 0000 0000 0131 0003 02 قبل نهاية الأسبوع.",
            {IBAN},
        ),
        ("رقم الآيبان: PS74PALS045010123456789012345", {IBAN}),
        ("رقم الحساب البنكي في المغرب: ٠١١ ٥١٩ ٠٠٠٠٠١٢٠٥٠٠٠٥٣٤٩ ٢١", {IBAN}),
        ("صدرت بحقه النشرة الحمراء رقم A-2871/3-2025 وما زالت سارية.", {INTERPOL}),
        ("يرجى مراجعة ملف القضية ٢٠٢٥/١٤٨٧٣ قبل الاجتماع.", {INTERPOL}),
        ("رقم التحقيق: INV-2024-00871 يرجى ذكره في المراسلات.", {INTERPOL}),
        ("تم الدخول إلى الحساب من العنوان 185.23.114.7 فجر أمس.", {IP}),
        ("عنوان IP الخاص بالجهاز المضبوط ١٠.٠.٠.١٣٨", {IP}),
        ("عنوان IPv6 الذي رصده المزوّد: 2a02:c7f:5a2e:3e00:8d4b:1c9f:2b3a:77e1", {IP}),
        ("نقطة الالتقاء عند الإحداثيات ٣١٫٩٥٣٩، ٣٥٫٩١٠٦", {COORDINATES}),
        ("عُثر على المركبة عند 33°53'13\" شمالاً و35°30'47\" شرقاً.", {COORDINATES}),
        ("الموقع: 36.7538, 3.0588 خلف السوق المركزي.", {COORDINATES}),
        (
            "اتصل بي على \u200e+212 6 61 23 45 78\u200e أو راسلني على y.alaoui.private@outlook.com",
            {PHONE, EMAIL},
        ),
        ("رقمي في مصر 01001234567 لمن يحتاج التنسيق.", {PHONE}),
        ("اتصل على 00962-79-5550142 عند الوصول.", {PHONE}),
        ("هاتف المكتب في نابلس ٠٩٢٣٨٤٥٦٧", {PHONE}),
        ("جواز سفر رقم ١٢٣٤٥٦٧٨٩ صادر في الجزائر.", {DOCUMENT}),
        ("قضية رقم ٢٠٢٤/٥٥٣١٢ ما زالت قيد التحقيق.", {INTERPOL}),
        ("الإحداثيات 31.95 35.91 قرب المستودع.", {COORDINATES}),
        ("الموقع الدقيق: ٣٣٫٨٩٣٨، ٣٥٫٥٠١٨", {COORDINATES}),
        ("حساب الجمعية: TN59 1000 6035 1835 9847 8831", {IBAN}),
        ("عنوان الخادم ١٩٦.٢٠٠.١٣١.١٠", {IP}),
        ("راسلوني على بريدي nour.jaber@yahoo.com", {EMAIL}),
    ],
)

CORPUS: list[Sample] = [*ARABIC, *FRENCH, *ENGLISH]
LANGUAGES = ("ar", "fr", "en")
