"""The demo survey in every site language but English, in words for a reading age of about 9."""

TRANSLATIONS: dict[str, dict[str, str]] = {
    # Welsh
    "cy": {
        "title": "Ein caffi galw heibio: beth ddylai newid?",
        "organiser": "Hwb Cymunedol Glan yr Afon",
        "intro": (
            "Rydym yn cynnal y caffi galw heibio bob dydd Mawrth a dydd Iau. "
            "Rydym eisiau ei wneud yn well i chi.\n\n"
            "Dywedwch wrthym beth sy'n gweithio, beth sy'n anodd, "
            "a beth ddylem ni ei newid yn gyntaf."
        ),
        "what_happens": (
            "Byddwn yn darllen pob ateb ym mis Mehefin. Byddwn yn rhannu beth wnaethom ni "
            "benderfynu ar ein tudalen 'Dywedoch chi, gwnaethom ni' ac yn y caffi."
        ),
        "consent_text": (
            "Chi sy'n dewis a ydych chi eisiau cymryd rhan. Does dim rhaid i chi ateb "
            "pob cwestiwn. Rydym yn cadw eich atebion yn ddiogel a dim ond ein staff "
            "sy'n eu darllen. Dydyn ni ddim yn gofyn am eich enw. Efallai y byddwn yn "
            "rhannu ambell ddyfyniad byr o'r atebion, heb enwau, pan fyddwn yn dweud "
            "wrth bawb beth ddywedodd pobl."
        ),
        "q.visited.text": "Ydych chi wedi bod i'r caffi yn ystod y flwyddyn ddiwethaf?",
        "q.often.text": "Pa mor aml ydych chi'n dod?",
        "o.often.weekly": "Bob wythnos",
        "o.often.monthly": "Tua unwaith y mis",
        "o.often.sometimes": "Ychydig o weithiau'r flwyddyn",
        "o.often.once": "Unwaith yn unig",
        "q.welcome.text": "Faint o groeso ydych chi'n ei deimlo yn y caffi?",
        "q.welcome.help": "Meddyliwch am y tro diwethaf y daethoch chi.",
        "o.welcome.1": "Dim croeso o gwbl",
        "o.welcome.2": "Dim llawer o groeso",
        "o.welcome.3": "Ddim yn siŵr",
        "o.welcome.4": "Tipyn o groeso",
        "o.welcome.5": "Croeso mawr",
        "q.hard.text": "Beth sy'n ei gwneud hi'n anodd dod?",
        "o.hard.travel": "Cost teithio",
        "o.hard.times": "Yr amseroedd agor",
        "o.hard.childcare": "Gofalu am blant",
        "o.hard.anxious": "Teimlo'n bryderus",
        "o.hard.language": "Dim yn siarad Saesneg yn dda",
        "o.hard.access": "Mynd i mewn gyda chadair olwyn",
        "o.hard.nothing": "Does dim byd yn ei gwneud hi'n anodd",
        "q.priorities.text": "Pa newidiadau sydd bwysicaf i chi?",
        "q.priorities.help": "Dewiswch hyd at 3. Rhowch y pwysicaf yn gyntaf.",
        "o.priorities.hours": "Agor am fwy o amser",
        "o.priorities.meals": "Prydau poeth am ddim",
        "o.priorities.forms": "Help gyda ffurflenni a llythyrau",
        "o.priorities.quiet": "Ystafell dawel",
        "o.priorities.children": "Pethau i blant eu gwneud",
        "o.priorities.languages": "Staff sy'n siarad fy iaith i",
        "q.household.text": "Faint o bobl sy'n byw yn eich cartref?",
        "q.household.help": "Cyfrwch eich hun hefyd.",
        "q.well.text": "Beth yw un peth rydym ni'n ei wneud yn dda?",
        "q.else.text": "Oes unrhyw beth arall rydych chi eisiau ei ddweud wrthym?",
        "q.else.help": "Er enghraifft, syniad, pryder neu rywbeth a ddigwyddodd.",
    },
    # Polish
    "pl": {
        "title": "Nasza kawiarenka: co powinniśmy zmienić?",
        "organiser": "Riverside Community Hub",
        "intro": (
            "Kawiarenka jest otwarta w każdy wtorek i czwartek. Można do niej przyjść "
            "bez zapisów. Chcemy, żeby była dla Ciebie lepsza.\n\n"
            "Powiedz nam, co działa dobrze, co jest trudne i co powinniśmy zmienić najpierw."
        ),
        "what_happens": (
            "W czerwcu przeczytamy wszystkie odpowiedzi. Potem napiszemy, co postanowiliśmy, "
            "na naszej stronie „Powiedzieliście – zrobiliśmy” i w kawiarence."
        ),
        "consent_text": (
            "To Ty decydujesz, czy chcesz wziąć udział. Możesz pominąć każde pytanie. "
            "Dbamy o to, żeby Twoje odpowiedzi były bezpieczne. Czytają je tylko nasi "
            "pracownicy. Nie pytamy, jak się nazywasz. Możemy pokazać kilka krótkich "
            "cytatów z odpowiedzi, bez imion, kiedy powiemy wszystkim, co ludzie nam "
            "powiedzieli."
        ),
        "q.visited.text": "Czy w ostatnim roku zdarzyło Ci się przyjść do kawiarenki?",
        "q.often.text": "Jak często przychodzisz?",
        "o.often.weekly": "Co tydzień",
        "o.often.monthly": "Mniej więcej raz w miesiącu",
        "o.often.sometimes": "Kilka razy w roku",
        "o.often.once": "Tylko raz",
        "q.welcome.text": "Jak ciepło przyjmują Cię w kawiarence?",
        "q.welcome.help": "Pomyśl o swojej ostatniej wizycie.",
        "o.welcome.1": "Wcale nie ciepło",
        "o.welcome.2": "Niezbyt ciepło",
        "o.welcome.3": "Trudno powiedzieć",
        "o.welcome.4": "Dość ciepło",
        "o.welcome.5": "Bardzo ciepło",
        "q.hard.text": "Co sprawia, że trudno Ci przyjść?",
        "o.hard.travel": "Koszt dojazdu",
        "o.hard.times": "Godziny otwarcia",
        "o.hard.childcare": "Opieka nad dziećmi",
        "o.hard.anxious": "Stres lub niepokój",
        "o.hard.language": "Słabo mówię po angielsku",
        "o.hard.access": "Trudno wjechać wózkiem inwalidzkim",
        "o.hard.nothing": "Nic, przychodzę bez trudu",
        "q.priorities.text": "Które zmiany są dla Ciebie najważniejsze?",
        "q.priorities.help": "Wybierz najwyżej 3. Najważniejszą ustaw na pierwszym miejscu.",
        "o.priorities.hours": "Dłuższe godziny otwarcia",
        "o.priorities.meals": "Darmowe ciepłe posiłki",
        "o.priorities.forms": "Pomoc z formularzami i listami",
        "o.priorities.quiet": "Cichy pokój",
        "o.priorities.children": "Zajęcia dla dzieci",
        "o.priorities.languages": "Pracownicy, którzy mówią w moim języku",
        "q.household.text": "Ile osób mieszka w Twoim domu?",
        "q.household.help": "Policz też siebie.",
        "q.well.text": "Napisz jedną rzecz, którą robimy dobrze.",
        "q.else.text": "Czy chcesz nam powiedzieć coś jeszcze?",
        "q.else.help": "Na przykład pomysł, zmartwienie albo coś, co się wydarzyło.",
    },
    # Arabic (simple Modern Standard)
    "ar": {
        "title": "مقهانا المفتوح للجميع: ما الذي يجب أن يتغيّر؟",
        "organiser": "مركز ريفرسايد المجتمعي",
        "intro": (
            "نفتح المقهى كل يوم ثلاثاء ويوم خميس، ويمكن لأي شخص أن يأتي دون موعد. "
            "نريد أن نجعله أفضل لك.\n\n"
            "أخبرنا بما هو جيد، وما هو صعب، وما الذي يجب أن نغيّره أولًا."
        ),
        "what_happens": (
            "سنقرأ كل الإجابات في شهر يونيو (حزيران). ثم سنخبركم بما قررناه "
            "في صفحة «قلتم، ففعلنا» على موقعنا، وفي المقهى."
        ),
        "consent_text": (
            "أنت تختار إن كنت تريد أن تشارك. يمكنك أن تترك أي سؤال دون إجابة. "
            "نحفظ إجاباتك في مكان آمن، ولا يقرؤها إلا موظفونا. لا نسألك عن اسمك. "
            "قد ننشر بعض الاقتباسات القصيرة من الإجابات، بدون أسماء، عندما نخبر الجميع "
            "بما قاله الناس."
        ),
        "q.visited.text": "هل زرت المقهى خلال السنة الماضية؟",
        "q.often.text": "كم مرة تأتي إلى المقهى؟",
        "o.often.weekly": "كل أسبوع",
        "o.often.monthly": "مرة في الشهر تقريبًا",
        "o.often.sometimes": "بضع مرات في السنة",
        "o.often.once": "مرة واحدة فقط",
        "q.welcome.text": "إلى أي حد تشعر بالترحيب في المقهى؟",
        "q.welcome.help": "فكّر في آخر مرة أتيت فيها.",
        "o.welcome.1": "لا أشعر بالترحيب أبدًا",
        "o.welcome.2": "لا أشعر بالترحيب كثيرًا",
        "o.welcome.3": "لا أعرف",
        "o.welcome.4": "أشعر بالترحيب إلى حد ما",
        "o.welcome.5": "أشعر بالترحيب كثيرًا",
        "q.hard.text": "ما الذي يجعل المجيء صعبًا عليك؟",
        "o.hard.travel": "تكلفة المواصلات",
        "o.hard.times": "أوقات فتح المقهى",
        "o.hard.childcare": "رعاية الأطفال",
        "o.hard.anxious": "الشعور بالقلق",
        "o.hard.language": "لا أتكلم الإنجليزية جيدًا",
        "o.hard.access": "الدخول بالكرسي المتحرك",
        "o.hard.nothing": "لا شيء يجعله صعبًا",
        "q.priorities.text": "ما التغييرات الأهم بالنسبة لك؟",
        "q.priorities.help": "اختر حتى 3. ضع الأهم أولًا.",
        "o.priorities.hours": "فتح المقهى لوقت أطول",
        "o.priorities.meals": "وجبات ساخنة مجانية",
        "o.priorities.forms": "مساعدة في الاستمارات والرسائل",
        "o.priorities.quiet": "غرفة هادئة",
        "o.priorities.children": "أنشطة للأطفال",
        "o.priorities.languages": "موظفون يتكلمون لغتي",
        "q.household.text": "كم شخصًا يعيش في بيتك؟",
        "q.household.help": "احسب نفسك أيضًا.",
        "q.well.text": "ما هو شيء واحد نفعله جيدًا؟",
        "q.else.text": "هل هناك شيء آخر تريد أن تخبرنا به؟",
        "q.else.help": "مثلًا: فكرة، أو شيء يقلقك، أو شيء حدث معك.",
    },
    # Urdu
    "ur": {
        "title": "ہمارا کیفے: ہمیں کیا بدلنا چاہیے؟",
        "organiser": "ریور سائیڈ کمیونٹی ہب",
        "intro": (
            "ہم ہر منگل اور جمعرات کو کیفے کھولتے ہیں۔ یہاں کوئی بھی بغیر وقت لیے آ سکتا ہے۔ "
            "ہم اسے آپ کے لیے بہتر بنانا چاہتے ہیں۔\n\n"
            "ہمیں بتائیں کہ کیا اچھا چل رہا ہے، کیا مشکل ہے، اور ہمیں سب سے پہلے کیا بدلنا چاہیے۔"
        ),
        "what_happens": (
            "ہم جون میں ہر جواب پڑھیں گے۔ پھر ہم نے جو فیصلہ کیا، وہ اپنے ویب صفحے "
            '"آپ نے کہا، ہم نے کیا" پر اور کیفے میں بتائیں گے۔'
        ),
        "consent_text": (
            "حصہ لینا یا نہ لینا آپ کی مرضی ہے۔ آپ کوئی بھی سوال چھوڑ سکتے ہیں۔ "
            "ہم آپ کے جواب محفوظ رکھتے ہیں اور انہیں صرف ہمارا عملہ پڑھتا ہے۔ "
            "ہم آپ کا نام نہیں پوچھتے۔ جب ہم سب کو بتائیں گے کہ لوگوں نے کیا کہا، تو ہم "
            "جوابوں سے چند مختصر اقتباسات، بغیر نام کے، شیئر کر سکتے ہیں۔"
        ),
        "q.visited.text": "کیا آپ پچھلے ایک سال میں کیفے آئے ہیں؟",
        "q.often.text": "آپ کتنی بار آتے ہیں؟",
        "o.often.weekly": "ہر ہفتے",
        "o.often.monthly": "مہینے میں تقریباً ایک بار",
        "o.often.sometimes": "سال میں چند بار",
        "o.often.once": "صرف ایک بار",
        "q.welcome.text": "آپ کے خیال میں کیفے میں آپ کا کتنا اچھا استقبال ہوتا ہے؟",
        "q.welcome.help": "پچھلی بار جب آپ آئے تھے، اس کے بارے میں سوچیں۔",
        "o.welcome.1": "بالکل اچھا نہیں",
        "o.welcome.2": "زیادہ اچھا نہیں",
        "o.welcome.3": "پتہ نہیں",
        "o.welcome.4": "کافی اچھا",
        "o.welcome.5": "بہت اچھا",
        "q.hard.text": "کیفے آنے میں کیا مشکل ہوتی ہے؟",
        "o.hard.travel": "آنے جانے کا کرایہ",
        "o.hard.times": "کیفے کھلنے کے اوقات",
        "o.hard.childcare": "بچوں کی دیکھ بھال",
        "o.hard.anxious": "گھبراہٹ محسوس ہونا",
        "o.hard.language": "انگریزی اچھی طرح نہ بول پانا",
        "o.hard.access": "ویل چیئر کے ساتھ اندر آنا",
        "o.hard.nothing": "کوئی مشکل نہیں",
        "q.priorities.text": "آپ کے لیے کون سی تبدیلیاں سب سے زیادہ اہم ہیں؟",
        "q.priorities.help": "زیادہ سے زیادہ 3 چنیں۔ سب سے اہم کو سب سے پہلے رکھیں۔",
        "o.priorities.hours": "کیفے زیادہ دیر تک کھلا رہے",
        "o.priorities.meals": "مفت گرم کھانا",
        "o.priorities.forms": "فارم اور خطوں میں مدد",
        "o.priorities.quiet": "ایک پُرسکون کمرہ",
        "o.priorities.children": "بچوں کے لیے کھیل اور سرگرمیاں",
        "o.priorities.languages": "ایسا عملہ جو میری زبان بولتا ہو",
        "q.household.text": "آپ کے گھر میں کتنے لوگ رہتے ہیں؟",
        "q.household.help": "اپنے آپ کو بھی گنیں۔",
        "q.well.text": "ہم کون سا ایک کام اچھی طرح کرتے ہیں؟",
        "q.else.text": "کیا آپ ہمیں کچھ اور بتانا چاہتے ہیں؟",
        "q.else.help": "مثلاً کوئی خیال، کوئی فکر، یا کوئی بات جو ہوئی ہو۔",
    },
    # Bengali
    "bn": {
        "title": "আমাদের ক্যাফে: কী বদলানো দরকার?",
        "organiser": "রিভারসাইড কমিউনিটি হাব",
        "intro": (
            "আমরা প্রতি মঙ্গলবার আর বৃহস্পতিবার ক্যাফে খোলা রাখি। আগে থেকে না জানিয়েই "
            "যে কেউ আসতে পারেন। আমরা ক্যাফেটি আপনার জন্য আরও ভালো করতে চাই।\n\n"
            "আমাদের বলুন কী ভালো চলছে, কী কঠিন লাগে, আর প্রথমে কী বদলানো উচিত।"
        ),
        "what_happens": (
            "জুন মাসে আমরা প্রতিটি উত্তর পড়ব। তারপর আমরা কী ঠিক করলাম, তা আমাদের "
            "“আপনারা বলেছেন, আমরা করেছি” পেজে আর ক্যাফেতে জানাব।"
        ),
        "consent_text": (
            "অংশ নেবেন কি না, তা আপনার ইচ্ছা। যে কোনো প্রশ্ন আপনি বাদ দিতে পারেন। "
            "আমরা আপনার উত্তর নিরাপদে রাখি, আর শুধু আমাদের কর্মীরা তা পড়েন। "
            "আমরা আপনার নাম জিজ্ঞেস করি না। মানুষ কী বলেছেন তা সবাইকে জানানোর সময় আমরা "
            "উত্তর থেকে কয়েকটি ছোট উদ্ধৃতি, নাম ছাড়া, শেয়ার করতে পারি।"
        ),
        "q.visited.text": "গত এক বছরে আপনি কি ক্যাফেতে এসেছেন?",
        "q.often.text": "আপনি কতবার আসেন?",
        "o.often.weekly": "প্রতি সপ্তাহে",
        "o.often.monthly": "মাসে প্রায় একবার",
        "o.often.sometimes": "বছরে কয়েকবার",
        "o.often.once": "শুধু একবার",
        "q.welcome.text": "ক্যাফেতে আপনি কতটা স্বাগত বোধ করেন?",
        "q.welcome.help": "শেষবার যখন এসেছিলেন, সেই সময়ের কথা ভাবুন।",
        "o.welcome.1": "একদম স্বাগত বোধ করি না",
        "o.welcome.2": "তেমন স্বাগত বোধ করি না",
        "o.welcome.3": "ঠিক জানি না",
        "o.welcome.4": "মোটামুটি স্বাগত বোধ করি",
        "o.welcome.5": "খুব স্বাগত বোধ করি",
        "q.hard.text": "কোন কোন কারণে ক্যাফেতে আসা কঠিন হয়?",
        "o.hard.travel": "যাতায়াতের খরচ",
        "o.hard.times": "ক্যাফে খোলার সময়",
        "o.hard.childcare": "বাচ্চাদের দেখাশোনা",
        "o.hard.anxious": "ভয় বা দুশ্চিন্তা লাগা",
        "o.hard.language": "ইংরেজি ভালো বলতে না পারা",
        "o.hard.access": "হুইলচেয়ার নিয়ে ভেতরে ঢোকা",
        "o.hard.nothing": "কোনো অসুবিধা নেই",
        "q.priorities.text": "আপনার কাছে কোন পরিবর্তনগুলো সবচেয়ে জরুরি?",
        "q.priorities.help": "৩টি পর্যন্ত বেছে নিন। সবচেয়ে জরুরিটি সবার আগে রাখুন।",
        "o.priorities.hours": "আরও বেশি সময় খোলা রাখা",
        "o.priorities.meals": "বিনা পয়সায় গরম খাবার",
        "o.priorities.forms": "ফর্ম আর চিঠিপত্রে সাহায্য",
        "o.priorities.quiet": "একটা নিরিবিলি ঘর",
        "o.priorities.children": "বাচ্চাদের জন্য খেলা ও কাজ",
        "o.priorities.languages": "আমার ভাষায় কথা বলেন এমন কর্মী",
        "q.household.text": "আপনার বাড়িতে কতজন থাকেন?",
        "q.household.help": "নিজেকেও গুনে নিন।",
        "q.well.text": "আমরা কোন একটি কাজ ভালো করি?",
        "q.else.text": "আমাদের আর কিছু বলতে চান?",
        "q.else.help": "যেমন, কোনো নতুন ভাবনা, কোনো দুশ্চিন্তা, বা এমন কিছু যা ঘটেছে।",
    },
}
