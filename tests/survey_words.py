"""The survey the tests build: every question kind and a branch, fully translated.

The tests own these words, so the demo survey can change without breaking them."""

from __future__ import annotations

SURVEY = {
    "slug": "cafe",
    "title": "Our drop-in café: what should change?",
    "organiser": "Riverside Community Hub",
    "intro": "We run the drop-in café every Tuesday and Thursday. We want to make it better for you.\n\nTell us what works, what is hard, and what we should change first.",
    "what_happens": "We will read every answer in June. We will share what we decided on our You said, we did page and at the café.",
    "consent_text": "Taking part is your choice. You can skip any question. We keep your answers safe and only our staff read them. We do not ask your name. We may share a few short quotes from the answers, without names, when we tell everyone what people said.",
    "time_needed_minutes": 5,
}

# (local key, kind, text, settings): options as (value, label), help, show_if, limits
QUESTIONS: list[tuple[str, str, str, dict]] = [
    ("visited", "yes_no", "Have you been to the café in the last year?", {}),
    (
        "often",
        "single_choice",
        "How often do you come?",
        {
            "options": [
                ("weekly", "Every week"),
                ("monthly", "About once a month"),
                ("sometimes", "A few times a year"),
                ("once", "Only once"),
            ],
            "show_if": ("visited", "yes"),
        },
    ),
    (
        "welcome",
        "scale",
        "How welcome do you feel at the café?",
        {
            "help": "Think about the last time you came.",
            "options": [
                ("1", "Not at all welcome"),
                ("2", "Not very welcome"),
                ("3", "Not sure"),
                ("4", "Quite welcome"),
                ("5", "Very welcome"),
            ],
        },
    ),
    (
        "hard",
        "multiple_choice",
        "What makes it hard to come?",
        {
            "options": [
                ("travel", "The cost of travel"),
                ("times", "The opening times"),
                ("childcare", "Looking after children"),
                ("anxious", "Feeling anxious"),
                ("language", "Not speaking English well"),
                ("access", "Getting in with a wheelchair"),
                ("nothing", "Nothing makes it hard"),
            ]
        },
    ),
    (
        "priorities",
        "priorities",
        "Which changes matter most to you?",
        {
            "help": "Pick up to 3. Put the most important first.",
            "options": [
                ("hours", "Open for longer"),
                ("meals", "Free hot meals"),
                ("forms", "Help with forms and letters"),
                ("quiet", "A quiet room"),
                ("children", "Things for children to do"),
                ("languages", "Staff who speak my language"),
            ],
            "pick_count": 3,
        },
    ),
    (
        "household",
        "number",
        "How many people live in your home?",
        {"help": "Count yourself too.", "min_value": 1, "max_value": 20},
    ),
    ("well", "short_text", "What is one thing we do well?", {}),
    (
        "else",
        "long_text",
        "Is there anything else you want to tell us?",
        {"help": "For example, an idea, a worry or something that happened.", "max_length": 1000},
    ),
]
STANDS_ALONE = {"nothing"}

LANGUAGES = ("cy", "pl", "ar", "ur", "bn")
# Each part's words in LANGUAGES' order: 'q.often.text' is a question's text, 'o.often.weekly' an
# option's label.
WORDS: dict[str, tuple[str, str, str, str, str]] = {
    "title": (
        "Ein caffi galw heibio: beth ddylai newid?",
        "Nasza kawiarenka: co powinniśmy zmienić?",
        "مقهانا المفتوح للجميع: ما الذي يجب أن يتغيّر؟",
        "ہمارا کیفے: ہمیں کیا بدلنا چاہیے؟",
        "আমাদের ক্যাফে: কী বদলানো দরকার?",
    ),
    "organiser": (
        "Hwb Cymunedol Glan yr Afon",
        "Riverside Community Hub",
        "مركز ريفرسايد المجتمعي",
        "ریور سائیڈ کمیونٹی ہب",
        "রিভারসাইড কমিউনিটি হাব",
    ),
    "intro": (
        "Rydym yn cynnal y caffi galw heibio bob dydd Mawrth a dydd Iau. Rydym eisiau ei wneud yn well i chi.\n\nDywedwch wrthym beth sy'n gweithio, beth sy'n anodd, a beth ddylem ni ei newid yn gyntaf.",
        "Kawiarenka jest otwarta w każdy wtorek i czwartek. Można do niej przyjść bez zapisów. Chcemy, żeby była dla Ciebie lepsza.\n\nPowiedz nam, co działa dobrze, co jest trudne i co powinniśmy zmienić najpierw.",
        "نفتح المقهى كل يوم ثلاثاء ويوم خميس، ويمكن لأي شخص أن يأتي دون موعد. نريد أن نجعله أفضل لك.\n\nأخبرنا بما هو جيد، وما هو صعب، وما الذي يجب أن نغيّره أولًا.",
        "ہم ہر منگل اور جمعرات کو کیفے کھولتے ہیں۔ یہاں کوئی بھی بغیر وقت لیے آ سکتا ہے۔ ہم اسے آپ کے لیے بہتر بنانا چاہتے ہیں۔\n\nہمیں بتائیں کہ کیا اچھا چل رہا ہے، کیا مشکل ہے، اور ہمیں سب سے پہلے کیا بدلنا چاہیے۔",
        "আমরা প্রতি মঙ্গলবার আর বৃহস্পতিবার ক্যাফে খোলা রাখি। আগে থেকে না জানিয়েই যে কেউ আসতে পারেন। আমরা ক্যাফেটি আপনার জন্য আরও ভালো করতে চাই।\n\nআমাদের বলুন কী ভালো চলছে, কী কঠিন লাগে, আর প্রথমে কী বদলানো উচিত।",
    ),
    "what_happens": (
        "Byddwn yn darllen pob ateb ym mis Mehefin. Byddwn yn rhannu beth wnaethom ni benderfynu ar ein tudalen 'Dywedoch chi, gwnaethom ni' ac yn y caffi.",
        "W czerwcu przeczytamy wszystkie odpowiedzi. Potem napiszemy, co postanowiliśmy, na naszej stronie „Powiedzieliście – zrobiliśmy” i w kawiarence.",
        "سنقرأ كل الإجابات في شهر يونيو (حزيران). ثم سنخبركم بما قررناه في صفحة «قلتم، ففعلنا» على موقعنا، وفي المقهى.",
        'ہم جون میں ہر جواب پڑھیں گے۔ پھر ہم نے جو فیصلہ کیا، وہ اپنے ویب صفحے "آپ نے کہا، ہم نے کیا" پر اور کیفے میں بتائیں گے۔',
        "জুন মাসে আমরা প্রতিটি উত্তর পড়ব। তারপর আমরা কী ঠিক করলাম, তা আমাদের “আপনারা বলেছেন, আমরা করেছি” পেজে আর ক্যাফেতে জানাব।",
    ),
    "consent_text": (
        "Chi sy'n dewis a ydych chi eisiau cymryd rhan. Does dim rhaid i chi ateb pob cwestiwn. Rydym yn cadw eich atebion yn ddiogel a dim ond ein staff sy'n eu darllen. Dydyn ni ddim yn gofyn am eich enw. Efallai y byddwn yn rhannu ambell ddyfyniad byr o'r atebion, heb enwau, pan fyddwn yn dweud wrth bawb beth ddywedodd pobl.",
        "To Ty decydujesz, czy chcesz wziąć udział. Możesz pominąć każde pytanie. Dbamy o to, żeby Twoje odpowiedzi były bezpieczne. Czytają je tylko nasi pracownicy. Nie pytamy, jak się nazywasz. Możemy pokazać kilka krótkich cytatów z odpowiedzi, bez imion, kiedy powiemy wszystkim, co ludzie nam powiedzieli.",
        "أنت تختار إن كنت تريد أن تشارك. يمكنك أن تترك أي سؤال دون إجابة. نحفظ إجاباتك في مكان آمن، ولا يقرؤها إلا موظفونا. لا نسألك عن اسمك. قد ننشر بعض الاقتباسات القصيرة من الإجابات، بدون أسماء، عندما نخبر الجميع بما قاله الناس.",
        "حصہ لینا یا نہ لینا آپ کی مرضی ہے۔ آپ کوئی بھی سوال چھوڑ سکتے ہیں۔ ہم آپ کے جواب محفوظ رکھتے ہیں اور انہیں صرف ہمارا عملہ پڑھتا ہے۔ ہم آپ کا نام نہیں پوچھتے۔ جب ہم سب کو بتائیں گے کہ لوگوں نے کیا کہا، تو ہم جوابوں سے چند مختصر اقتباسات، بغیر نام کے، شیئر کر سکتے ہیں۔",
        "অংশ নেবেন কি না, তা আপনার ইচ্ছা। যে কোনো প্রশ্ন আপনি বাদ দিতে পারেন। আমরা আপনার উত্তর নিরাপদে রাখি, আর শুধু আমাদের কর্মীরা তা পড়েন। আমরা আপনার নাম জিজ্ঞেস করি না। মানুষ কী বলেছেন তা সবাইকে জানানোর সময় আমরা উত্তর থেকে কয়েকটি ছোট উদ্ধৃতি, নাম ছাড়া, শেয়ার করতে পারি।",
    ),
    "q.visited.text": (
        "Ydych chi wedi bod i'r caffi yn ystod y flwyddyn ddiwethaf?",
        "Czy w ostatnim roku zdarzyło Ci się przyjść do kawiarenki?",
        "هل زرت المقهى خلال السنة الماضية؟",
        "کیا آپ پچھلے ایک سال میں کیفے آئے ہیں؟",
        "গত এক বছরে আপনি কি ক্যাফেতে এসেছেন?",
    ),
    "q.often.text": (
        "Pa mor aml ydych chi'n dod?",
        "Jak często przychodzisz?",
        "كم مرة تأتي إلى المقهى؟",
        "آپ کتنی بار آتے ہیں؟",
        "আপনি কতবার আসেন?",
    ),
    "o.often.weekly": ("Bob wythnos", "Co tydzień", "كل أسبوع", "ہر ہفتے", "প্রতি সপ্তাহে"),
    "o.often.monthly": (
        "Tua unwaith y mis",
        "Mniej więcej raz w miesiącu",
        "مرة في الشهر تقريبًا",
        "مہینے میں تقریباً ایک بار",
        "মাসে প্রায় একবার",
    ),
    "o.often.sometimes": (
        "Ychydig o weithiau'r flwyddyn",
        "Kilka razy w roku",
        "بضع مرات في السنة",
        "سال میں چند بار",
        "বছরে কয়েকবার",
    ),
    "o.often.once": ("Unwaith yn unig", "Tylko raz", "مرة واحدة فقط", "صرف ایک بار", "শুধু একবার"),
    "q.welcome.text": (
        "Faint o groeso ydych chi'n ei deimlo yn y caffi?",
        "Jak ciepło przyjmują Cię w kawiarence?",
        "إلى أي حد تشعر بالترحيب في المقهى؟",
        "آپ کے خیال میں کیفے میں آپ کا کتنا اچھا استقبال ہوتا ہے؟",
        "ক্যাফেতে আপনি কতটা স্বাগত বোধ করেন?",
    ),
    "q.welcome.help": (
        "Meddyliwch am y tro diwethaf y daethoch chi.",
        "Pomyśl o swojej ostatniej wizycie.",
        "فكّر في آخر مرة أتيت فيها.",
        "پچھلی بار جب آپ آئے تھے، اس کے بارے میں سوچیں۔",
        "শেষবার যখন এসেছিলেন, সেই সময়ের কথা ভাবুন।",
    ),
    "o.welcome.1": (
        "Dim croeso o gwbl",
        "Wcale nie ciepło",
        "لا أشعر بالترحيب أبدًا",
        "بالکل اچھا نہیں",
        "একদম স্বাগত বোধ করি না",
    ),
    "o.welcome.2": (
        "Dim llawer o groeso",
        "Niezbyt ciepło",
        "لا أشعر بالترحيب كثيرًا",
        "زیادہ اچھا نہیں",
        "তেমন স্বাগত বোধ করি না",
    ),
    "o.welcome.3": ("Ddim yn siŵr", "Trudno powiedzieć", "لا أعرف", "پتہ نہیں", "ঠিক জানি না"),
    "o.welcome.4": (
        "Tipyn o groeso",
        "Dość ciepło",
        "أشعر بالترحيب إلى حد ما",
        "کافی اچھا",
        "মোটামুটি স্বাগত বোধ করি",
    ),
    "o.welcome.5": (
        "Croeso mawr",
        "Bardzo ciepło",
        "أشعر بالترحيب كثيرًا",
        "بہت اچھا",
        "খুব স্বাগত বোধ করি",
    ),
    "q.hard.text": (
        "Beth sy'n ei gwneud hi'n anodd dod?",
        "Co sprawia, że trudno Ci przyjść?",
        "ما الذي يجعل المجيء صعبًا عليك؟",
        "کیفے آنے میں کیا مشکل ہوتی ہے؟",
        "কোন কোন কারণে ক্যাফেতে আসা কঠিন হয়?",
    ),
    "o.hard.travel": (
        "Cost teithio",
        "Koszt dojazdu",
        "تكلفة المواصلات",
        "آنے جانے کا کرایہ",
        "যাতায়াতের খরচ",
    ),
    "o.hard.times": (
        "Yr amseroedd agor",
        "Godziny otwarcia",
        "أوقات فتح المقهى",
        "کیفے کھلنے کے اوقات",
        "ক্যাফে খোলার সময়",
    ),
    "o.hard.childcare": (
        "Gofalu am blant",
        "Opieka nad dziećmi",
        "رعاية الأطفال",
        "بچوں کی دیکھ بھال",
        "বাচ্চাদের দেখাশোনা",
    ),
    "o.hard.anxious": (
        "Teimlo'n bryderus",
        "Stres lub niepokój",
        "الشعور بالقلق",
        "گھبراہٹ محسوس ہونا",
        "ভয় বা দুশ্চিন্তা লাগা",
    ),
    "o.hard.language": (
        "Dim yn siarad Saesneg yn dda",
        "Słabo mówię po angielsku",
        "لا أتكلم الإنجليزية جيدًا",
        "انگریزی اچھی طرح نہ بول پانا",
        "ইংরেজি ভালো বলতে না পারা",
    ),
    "o.hard.access": (
        "Mynd i mewn gyda chadair olwyn",
        "Trudno wjechać wózkiem inwalidzkim",
        "الدخول بالكرسي المتحرك",
        "ویل چیئر کے ساتھ اندر آنا",
        "হুইলচেয়ার নিয়ে ভেতরে ঢোকা",
    ),
    "o.hard.nothing": (
        "Does dim byd yn ei gwneud hi'n anodd",
        "Nic, przychodzę bez trudu",
        "لا شيء يجعله صعبًا",
        "کوئی مشکل نہیں",
        "কোনো অসুবিধা নেই",
    ),
    "q.priorities.text": (
        "Pa newidiadau sydd bwysicaf i chi?",
        "Które zmiany są dla Ciebie najważniejsze?",
        "ما التغييرات الأهم بالنسبة لك؟",
        "آپ کے لیے کون سی تبدیلیاں سب سے زیادہ اہم ہیں؟",
        "আপনার কাছে কোন পরিবর্তনগুলো সবচেয়ে জরুরি?",
    ),
    "q.priorities.help": (
        "Dewiswch hyd at 3. Rhowch y pwysicaf yn gyntaf.",
        "Wybierz najwyżej 3. Najważniejszą ustaw na pierwszym miejscu.",
        "اختر حتى 3. ضع الأهم أولًا.",
        "زیادہ سے زیادہ 3 چنیں۔ سب سے اہم کو سب سے پہلے رکھیں۔",
        "৩টি পর্যন্ত বেছে নিন। সবচেয়ে জরুরিটি সবার আগে রাখুন।",
    ),
    "o.priorities.hours": (
        "Agor am fwy o amser",
        "Dłuższe godziny otwarcia",
        "فتح المقهى لوقت أطول",
        "کیفے زیادہ دیر تک کھلا رہے",
        "আরও বেশি সময় খোলা রাখা",
    ),
    "o.priorities.meals": (
        "Prydau poeth am ddim",
        "Darmowe ciepłe posiłki",
        "وجبات ساخنة مجانية",
        "مفت گرم کھانا",
        "বিনা পয়সায় গরম খাবার",
    ),
    "o.priorities.forms": (
        "Help gyda ffurflenni a llythyrau",
        "Pomoc z formularzami i listami",
        "مساعدة في الاستمارات والرسائل",
        "فارم اور خطوں میں مدد",
        "ফর্ম আর চিঠিপত্রে সাহায্য",
    ),
    "o.priorities.quiet": (
        "Ystafell dawel",
        "Cichy pokój",
        "غرفة هادئة",
        "ایک پُرسکون کمرہ",
        "একটা নিরিবিলি ঘর",
    ),
    "o.priorities.children": (
        "Pethau i blant eu gwneud",
        "Zajęcia dla dzieci",
        "أنشطة للأطفال",
        "بچوں کے لیے کھیل اور سرگرمیاں",
        "বাচ্চাদের জন্য খেলা ও কাজ",
    ),
    "o.priorities.languages": (
        "Staff sy'n siarad fy iaith i",
        "Pracownicy, którzy mówią w moim języku",
        "موظفون يتكلمون لغتي",
        "ایسا عملہ جو میری زبان بولتا ہو",
        "আমার ভাষায় কথা বলেন এমন কর্মী",
    ),
    "q.household.text": (
        "Faint o bobl sy'n byw yn eich cartref?",
        "Ile osób mieszka w Twoim domu?",
        "كم شخصًا يعيش في بيتك؟",
        "آپ کے گھر میں کتنے لوگ رہتے ہیں؟",
        "আপনার বাড়িতে কতজন থাকেন?",
    ),
    "q.household.help": (
        "Cyfrwch eich hun hefyd.",
        "Policz też siebie.",
        "احسب نفسك أيضًا.",
        "اپنے آپ کو بھی گنیں۔",
        "নিজেকেও গুনে নিন।",
    ),
    "q.well.text": (
        "Beth yw un peth rydym ni'n ei wneud yn dda?",
        "Napisz jedną rzecz, którą robimy dobrze.",
        "ما هو شيء واحد نفعله جيدًا؟",
        "ہم کون سا ایک کام اچھی طرح کرتے ہیں؟",
        "আমরা কোন একটি কাজ ভালো করি?",
    ),
    "q.else.text": (
        "Oes unrhyw beth arall rydych chi eisiau ei ddweud wrthym?",
        "Czy chcesz nam powiedzieć coś jeszcze?",
        "هل هناك شيء آخر تريد أن تخبرنا به؟",
        "کیا آپ ہمیں کچھ اور بتانا چاہتے ہیں؟",
        "আমাদের আর কিছু বলতে চান?",
    ),
    "q.else.help": (
        "Er enghraifft, syniad, pryder neu rywbeth a ddigwyddodd.",
        "Na przykład pomysł, zmartwienie albo coś, co się wydarzyło.",
        "مثلًا: فكرة، أو شيء يقلقك، أو شيء حدث معك.",
        "مثلاً کوئی خیال، کوئی فکر، یا کوئی بات جو ہوئی ہو۔",
        "যেমন, কোনো নতুন ভাবনা, কোনো দুশ্চিন্তা, বা এমন কিছু যা ঘটেছে।",
    ),
}

# Words the plain-words check has something to say about: jargon, and a sentence of 25 words.
WORDY = {
    "intro": (
        "We want to facilitate change. We would like to know how you found the café this year "
        "and what we could do better for you and your family next year."
    ),
    "consent_text": "Taking part is your choice. No question is mandatory.",
    "question": "Do you utilise the garden?",
    "help": "Prior to the meeting, think about the garden.",
    "said": "Please facilitate later opening",
    "body": (
        "We will **utilise** the hall. We talked to the volunteers and the people who run the "
        "building and we agreed that the café will stay open until seven on Thursdays from May."
    ),
}
