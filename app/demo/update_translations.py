"""The demo updates in every site language but English: what people said, what we did, and why
not. Keyed by the update's key in app/demo/updates.py, then by language. Short, plain sentences;
the Markdown (lists, bold, addresses) is kept as in the English."""

TRANSLATIONS: dict[str, dict[str, dict[str, str]]] = {
    "evening_cafe": {
        "cy": {
            "said": "Mae'r caffi'n cau'n rhy gynnar i bobl sy'n gweithio. "
            "Arhoswch ar agor yn hwyrach, os gwelwch yn dda.",
            "body": "Rydym nawr ar agor tan **7pm ar ddydd Iau**.\n\n"
            "- Mae dau wirfoddolwr yn cynnal y caffi gyda'r nos.\n"
            "- Mae'r bwyd poeth yr un fath ag yn ystod y dydd.\n- Mae'n dal am ddim.\n\n"
            "Gwelwch ein holl amseroedd agor: https://example.org/cafe",
        },
        "pl": {
            "said": "Kawiarnia zamyka się za wcześnie dla osób, które pracują. "
            "Prosimy, bądźcie otwarci dłużej.",
            "body": "Teraz jesteśmy otwarci do **19:00 w czwartki**.\n\n"
            "- Wieczorem kawiarnię prowadzi dwoje wolontariuszy.\n"
            "- Ciepłe jedzenie jest takie samo jak w ciągu dnia.\n- Nadal jest za darmo.\n\n"
            "Wszystkie godziny otwarcia: https://example.org/cafe",
        },
        "ar": {
            "said": "يُغلق المقهى مبكرًا جدًا بالنسبة للذين يعملون. من فضلكم ابقوا مفتوحين لوقت أطول.",
            "body": "نحن الآن مفتوحون حتى **الساعة 7 مساءً أيام الخميس**.\n\n"
            "- يدير المقهى في المساء متطوعان اثنان.\n"
            "- الطعام الساخن هو نفسه كما في النهار.\n- وما زال مجانيًا.\n\n"
            "اطّلعوا على كل مواعيد الفتح: https://example.org/cafe",
        },
        "ur": {
            "said": "کیفے کام کرنے والوں کے لیے بہت جلدی بند ہو جاتا ہے۔ "
            "براہ کرم دیر تک کھلا رکھیں۔",
            "body": "اب ہم **جمعرات کو شام 7 بجے تک** کھلے رہتے ہیں۔\n\n"
            "- شام کا کیفے دو رضاکار چلاتے ہیں۔\n"
            "- گرم کھانا وہی ہے جو دن میں ہوتا ہے۔\n- یہ اب بھی مفت ہے۔\n\n"
            "ہمارے کھلنے کے سب اوقات دیکھیں: https://example.org/cafe",
        },
        "bn": {
            "said": "যাঁরা কাজ করেন, তাঁদের জন্য ক্যাফে খুব তাড়াতাড়ি বন্ধ হয়ে যায়। দয়া করে আরও দেরি পর্যন্ত খোলা রাখুন।",
            "body": "এখন আমরা **বৃহস্পতিবার সন্ধ্যা ৭টা পর্যন্ত** খোলা থাকি।\n\n"
            "- সন্ধ্যার ক্যাফে দুজন স্বেচ্ছাসেবক চালান।\n"
            "- গরম খাবার দিনের মতোই থাকে।\n- এখনও বিনামূল্যে।\n\n"
            "আমাদের খোলার সব সময় দেখুন: https://example.org/cafe",
        },
    },
    "saturdays": {
        "cy": {
            "said": "Agorwch y caffi ar ddydd Sadwrn, os gwelwch yn dda. "
            "Mae rhai ohonom ni'n gweithio drwy'r wythnos.",
            "body": "Buon ni'n siarad am ddydd Sadwrn gyda'r gwirfoddolwyr "
            "a gyda pherchnogion y neuadd.",
            "reason": "Mae grŵp arall yn llogi'r neuadd bob dydd Sadwrn. Does gennym ni ddim "
            "ystafell arall sy'n ddigon mawr. Byddwn yn gofyn eto pan fydd eu harcheb yn dod i "
            "ben y flwyddyn nesaf. Tan hynny, mae'r caffi ar agor tan 7pm ar ddydd Iau.",
        },
        "pl": {
            "said": "Prosimy o otwarcie kawiarni w soboty. Niektórzy z nas pracują cały tydzień.",
            "body": "Rozmawialiśmy o sobotach z wolontariuszami i z właścicielami sali.",
            "reason": "W każdą sobotę salę wynajmuje inna grupa. Nie mamy innego pomieszczenia, "
            "które byłoby wystarczająco duże. Zapytamy ponownie, gdy ich rezerwacja skończy się "
            "w przyszłym roku. Do tego czasu kawiarnia jest otwarta w czwartki do 19:00.",
        },
        "ar": {
            "said": "من فضلكم افتحوا المقهى يوم السبت. بعضنا يعمل طوال الأسبوع.",
            "body": "تحدثنا عن يوم السبت مع المتطوعين ومع أصحاب القاعة.",
            "reason": "تستأجر مجموعة أخرى القاعة كل يوم سبت. ليست لدينا غرفة أخرى كبيرة بما "
            "يكفي. سنسأل مرة أخرى عندما ينتهي حجزهم في السنة القادمة. وحتى ذلك الحين، يبقى "
            "المقهى مفتوحًا حتى الساعة 7 مساءً أيام الخميس.",
        },
        "ur": {
            "said": "براہ کرم ہفتے کے دن کیفے کھولیں۔ ہم میں سے کچھ لوگ پورا ہفتہ کام کرتے ہیں۔",
            "body": "ہم نے رضاکاروں اور ہال کے مالکان سے ہفتے کے دن کے بارے میں بات کی۔",
            "reason": "ہر ہفتے کے دن ہال ایک اور گروپ کرائے پر لیتا ہے۔ ہمارے پاس کوئی اور کمرہ "
            "نہیں جو کافی بڑا ہو۔ اگلے سال جب ان کی بکنگ ختم ہو گی تو ہم دوبارہ پوچھیں گے۔ "
            "تب تک کیفے جمعرات کو شام 7 بجے تک کھلا ہے۔",
        },
        "bn": {
            "said": "দয়া করে শনিবারে ক্যাফে খোলা রাখুন। আমাদের কেউ কেউ সারা সপ্তাহ কাজ করেন।",
            "body": "আমরা স্বেচ্ছাসেবকদের সঙ্গে এবং হলের মালিকদের সঙ্গে শনিবার নিয়ে কথা বলেছি।",
            "reason": "প্রতি শনিবার অন্য একটি দল হলটি ভাড়া নেয়। আমাদের আর কোনো ঘর নেই যেটা "
            "যথেষ্ট বড়। আগামী বছর তাদের বুকিং শেষ হলে আমরা আবার জিজ্ঞেস করব। ততদিন ক্যাফে "
            "বৃহস্পতিবার সন্ধ্যা ৭টা পর্যন্ত খোলা থাকবে।",
        },
    },
    "ramp": {
        "cy": {
            "said": "Mae'r gris wrth y drws ffrynt yn anodd i gadeiriau olwyn, fframiau cerdded "
            "a bygis.",
            "body": "Rydym wedi archebu ramp ar gyfer y drws ffrynt. Mae perchnogion yr adeilad "
            "wedi cytuno.\n\n- Tan iddo gyrraedd, defnyddiwch y drws ochr. Does dim gris yno.\n"
            "- Canwch y gloch a bydd gwirfoddolwr yn eich gadael i mewn.",
        },
        "pl": {
            "said": "Stopień przy drzwiach wejściowych to problem dla wózków inwalidzkich, "
            "balkoników i wózków dziecięcych.",
            "body": "Zamówiliśmy podjazd do drzwi wejściowych. Właściciele budynku się zgodzili."
            "\n\n- Dopóki go nie dostaniemy, korzystajcie z bocznych drzwi. Nie ma tam stopnia.\n"
            "- Zadzwońcie do drzwi, a wolontariusz Was wpuści.",
        },
        "ar": {
            "said": "الدرجة عند الباب الأمامي صعبة على الكراسي المتحركة ومشّايات المشي وعربات "
            "الأطفال.",
            "body": "طلبنا منحدرًا للباب الأمامي. وقد وافق أصحاب المبنى.\n\n"
            "- إلى أن يصل، استخدموا الباب الجانبي من فضلكم. لا توجد فيه درجة.\n"
            "- اضغطوا الجرس وسيفتح لكم أحد المتطوعين.",
        },
        "ur": {
            "said": "سامنے والے دروازے کی سیڑھی وہیل چیئر، واکر اور بچوں کی گاڑی کے لیے مشکل ہے۔",
            "body": "ہم نے سامنے والے دروازے کے لیے ریمپ منگوایا ہے۔ عمارت کے مالکان مان گئے ہیں۔"
            "\n\n- جب تک یہ نہیں آتا، براہ کرم سائیڈ والا دروازہ استعمال کریں۔ اس میں سیڑھی "
            "نہیں ہے۔\n- گھنٹی بجائیں، ایک رضاکار آپ کو اندر لے آئے گا۔",
        },
        "bn": {
            "said": "সামনের দরজার ধাপটি হুইলচেয়ার, ওয়াকিং ফ্রেম আর বাচ্চাদের গাড়ির জন্য কঠিন।",
            "body": "আমরা সামনের দরজার জন্য একটি র‍্যাম্প অর্ডার করেছি। ভবনের মালিকরা রাজি "
            "হয়েছেন।\n\n- এটি না আসা পর্যন্ত দয়া করে পাশের দরজা ব্যবহার করুন। সেখানে কোনো "
            "ধাপ নেই।\n- বেল বাজান, একজন স্বেচ্ছাসেবক আপনাকে ভেতরে নিয়ে আসবেন।",
        },
    },
    "hot_meals": {
        "cy": {
            "said": "Rhowch fwy o fwyd poeth, os gwelwch yn dda, yn enwedig yn y gaeaf.",
            "body": "Rydym nawr yn rhoi pryd poeth am ddim bob dydd Mawrth a dydd Iau am 12:30."
            "\n\n- Mae dewis llysieuol a halal bob amser.\n"
            "- Mae archfarchnad leol yn rhoi bwyd i ni a fyddai fel arall yn cael ei daflu.\n\n"
            "Dywedwch wrth wirfoddolwr os na allwch chi fwyta cnau neu glwten.",
        },
        "pl": {
            "said": "Prosimy o więcej ciepłego jedzenia, zwłaszcza zimą.",
            "body": "Teraz w każdy wtorek i czwartek o 12:30 podajemy darmowy ciepły posiłek."
            "\n\n- Zawsze jest danie wegetariańskie i danie halal.\n"
            "- Pobliski supermarket daje nam jedzenie, które inaczej by wyrzucił.\n\n"
            "Powiedzcie wolontariuszowi, jeśli nie możecie jeść orzechów albo glutenu.",
        },
        "ar": {
            "said": "من فضلكم قدّموا المزيد من الطعام الساخن، وخاصة في الشتاء.",
            "body": "نقدّم الآن وجبة ساخنة مجانية كل يوم ثلاثاء وخميس الساعة 12:30.\n\n"
            "- يوجد دائمًا خيار نباتي وخيار حلال.\n"
            "- يعطينا متجر قريب طعامًا كان سيرميه لولا ذلك.\n\n"
            "أخبروا أحد المتطوعين إذا كنتم لا تستطيعون أكل المكسرات أو الغلوتين.",
        },
        "ur": {
            "said": "براہ کرم زیادہ گرم کھانا دیں، خاص طور پر سردیوں میں۔",
            "body": "اب ہم ہر منگل اور جمعرات کو دوپہر 12:30 بجے مفت گرم کھانا دیتے ہیں۔\n\n"
            "- ہمیشہ سبزی والا اور حلال کھانا ہوتا ہے۔\n"
            "- ایک مقامی سپر مارکیٹ ہمیں وہ کھانا دیتی ہے جو ورنہ پھینک دیا جاتا۔\n\n"
            "اگر آپ میوے یا گلوٹین نہیں کھا سکتے تو کسی رضاکار کو بتائیں۔",
        },
        "bn": {
            "said": "দয়া করে আরও গরম খাবার দিন, বিশেষ করে শীতকালে।",
            "body": "এখন আমরা প্রতি মঙ্গলবার ও বৃহস্পতিবার দুপুর ১২:৩০-এ বিনামূল্যে গরম খাবার "
            "দিই।\n\n- সবসময় নিরামিষ ও হালাল খাবার থাকে।\n"
            "- একটি স্থানীয় সুপারমার্কেট আমাদের এমন খাবার দেয় যা না হলে ফেলে দেওয়া হতো।\n\n"
            "আপনি বাদাম বা গ্লুটেন খেতে না পারলে একজন স্বেচ্ছাসেবককে জানান।",
        },
    },
    "children": {
        "cy": {
            "said": "Mae'n anodd dod gyda phlant pan nad oes dim iddyn nhw ei wneud.",
            "body": "Rydym yn creu cornel chwarae gyda theganau, llyfrau a chreonau. Mae dau "
            "riant yn ein helpu i ddewis beth i'w brynu.\n\n"
            "Rydym yn gobeithio y bydd yn barod erbyn gwyliau'r ysgol.",
        },
        "pl": {
            "said": "Trudno przyjść z dziećmi, kiedy nie mają tu nic do roboty.",
            "body": "Robimy kącik zabaw z zabawkami, książkami i kredkami. Dwoje rodziców pomaga "
            "nam wybrać, co kupić.\n\nMamy nadzieję, że będzie gotowy na szkolne wakacje.",
        },
        "ar": {
            "said": "من الصعب المجيء مع الأطفال عندما لا يوجد شيء يفعلونه.",
            "body": "نحن نجهّز ركنًا للعب فيه ألعاب وكتب وأقلام تلوين. يساعدنا اثنان من الأهل "
            "في اختيار ما نشتريه.\n\nنأمل أن يكون جاهزًا قبل العطلة المدرسية.",
        },
        "ur": {
            "said": "بچوں کے ساتھ آنا مشکل ہے جب ان کے کرنے کو کچھ نہ ہو۔",
            "body": "ہم کھلونوں، کتابوں اور رنگین پنسلوں کے ساتھ کھیل کا ایک کونا بنا رہے ہیں۔ "
            "دو والدین یہ چننے میں ہماری مدد کر رہے ہیں کہ کیا خریدیں۔\n\n"
            "ہمیں امید ہے کہ یہ اسکول کی چھٹیوں تک تیار ہو جائے گا۔",
        },
        "bn": {
            "said": "বাচ্চাদের করার মতো কিছু না থাকলে তাদের নিয়ে আসা কঠিন।",
            "body": "আমরা খেলনা, বই আর রং-পেন্সিল দিয়ে একটি খেলার কোণ তৈরি করছি। দুজন "
            "অভিভাবক কী কিনব তা বাছতে আমাদের সাহায্য করছেন।\n\n"
            "আমরা আশা করি স্কুলের ছুটির আগেই এটি তৈরি হয়ে যাবে।",
        },
    },
    "quiet_room": {
        "cy": {
            "said": "Mae'r caffi'n rhy swnllyd i rai ohonom ni. "
            "Hoffem ni gael lle tawel i eistedd.",
            "body": "Rydym yn edrych ar yr ystafell fach yng nghefn y neuadd. Mae angen "
            "gwresogydd a chadeiriau meddal ynddi.\n\nByddwn yn penderfynu yng nghyfarfod nesaf "
            "y grŵp llywio. Mae croeso i unrhyw un sy'n defnyddio'r caffi ddod.",
        },
        "pl": {
            "said": "Dla niektórych z nas w kawiarni jest za głośno. "
            "Chcielibyśmy mieć ciche miejsce, żeby usiąść.",
            "body": "Przyglądamy się małemu pokojowi z tyłu sali. Potrzebny jest tam grzejnik "
            "i kilka wygodnych krzeseł.\n\nZdecydujemy na następnym spotkaniu grupy sterującej. "
            "Może na nie przyjść każdy, kto przychodzi do kawiarni.",
        },
        "ar": {
            "said": "المقهى مزعج جدًا لبعضنا. نريد مكانًا هادئًا للجلوس.",
            "body": "نحن ندرس استخدام الغرفة الصغيرة في آخر القاعة. تحتاج إلى مدفأة وبعض "
            "الكراسي المريحة.\n\nسنقرر في الاجتماع القادم للجنة التوجيهية. أهلًا بكل من يستخدم "
            "المقهى أن يحضر.",
        },
        "ur": {
            "said": "ہم میں سے کچھ لوگوں کے لیے کیفے میں بہت شور ہوتا ہے۔ "
            "ہم بیٹھنے کے لیے کوئی پرسکون جگہ چاہتے ہیں۔",
            "body": "ہم ہال کے پیچھے والے چھوٹے کمرے پر غور کر رہے ہیں۔ اس میں ایک ہیٹر اور کچھ "
            "آرام دہ کرسیوں کی ضرورت ہے۔\n\nہم اسٹیئرنگ گروپ کی اگلی میٹنگ میں فیصلہ کریں گے۔ "
            "کیفے آنے والا ہر شخص اس میٹنگ میں آ سکتا ہے۔",
        },
        "bn": {
            "said": "আমাদের কারও কারও জন্য ক্যাফেতে খুব বেশি শব্দ হয়। আমরা বসার জন্য একটি শান্ত জায়গা চাই।",
            "body": "আমরা হলের পেছনের ছোট ঘরটি নিয়ে ভাবছি। সেখানে একটি হিটার আর কয়েকটি "
            "আরামদায়ক চেয়ার লাগবে।\n\nস্টিয়ারিং গ্রুপের পরের মিটিংয়ে আমরা সিদ্ধান্ত নেব। "
            "যিনিই ক্যাফেতে আসেন, তিনিই এই মিটিংয়ে আসতে পারেন।",
        },
    },
    "bus_fares": {
        "cy": {
            "said": "Mae'r bws yn costio gormod. "
            "Dydy rhai ohonom ni ddim yn gallu dod i gyfarfodydd oherwydd pris y tocyn.",
            "body": "Rydym nawr yn talu am eich tocyn bws pan fyddwch chi'n dod i weithdy neu "
            "gyfarfod.\n\n- Cadwch eich tocyn, neu tynnwch lun ohono.\n"
            "- Gofynnwch am yr arian ar y diwrnod, neu hawliwch ef ar eich tudalen ar y wefan "
            "hon.\n\nEfallai y gallwch chi gael pàs bws am ddim hefyd: "
            "https://www.gov.uk/apply-for-disabled-bus-pass",
        },
        "pl": {
            "said": "Autobus kosztuje za dużo. "
            "Niektórzy z nas nie mogą przychodzić na spotkania z powodu ceny biletu.",
            "body": "Teraz płacimy za Wasz bilet autobusowy, kiedy przychodzicie na warsztat albo "
            "spotkanie.\n\n- Zachowajcie bilet albo zróbcie mu zdjęcie.\n"
            "- Poproście o pieniądze tego samego dnia albo zgłoście to na swojej stronie w tym "
            "serwisie.\n\nMożecie też dostać darmowy bilet autobusowy: "
            "https://www.gov.uk/apply-for-disabled-bus-pass",
        },
        "ar": {
            "said": "أجرة الحافلة غالية جدًا. بعضنا لا يستطيع حضور الاجتماعات بسبب الأجرة.",
            "body": "ندفع الآن أجرة الحافلة عندما تحضرون ورشة عمل أو اجتماعًا.\n\n"
            "- احتفظوا بالتذكرة أو التقطوا صورة لها.\n"
            "- اطلبوا المال في اليوم نفسه، أو اطلبوه من صفحتكم على هذا الموقع.\n\n"
            "قد تحصلون أيضًا على بطاقة حافلة مجانية: "
            "https://www.gov.uk/apply-for-disabled-bus-pass",
        },
        "ur": {
            "said": "بس کا کرایہ بہت زیادہ ہے۔ "
            "ہم میں سے کچھ لوگ کرائے کی وجہ سے میٹنگز میں نہیں آ سکتے۔",
            "body": "اب جب آپ کسی ورکشاپ یا میٹنگ میں آتے ہیں تو ہم آپ کا بس کا کرایہ دیتے ہیں۔"
            "\n\n- اپنا ٹکٹ سنبھال کر رکھیں، یا اس کی تصویر لے لیں۔\n"
            "- پیسے اسی دن مانگ لیں، یا اس ویب سائٹ پر اپنے صفحے سے کلیم کریں۔\n\n"
            "ہو سکتا ہے آپ کو مفت بس پاس بھی مل جائے: "
            "https://www.gov.uk/apply-for-disabled-bus-pass",
        },
        "bn": {
            "said": "বাসের ভাড়া অনেক বেশি। ভাড়ার কারণে আমাদের কেউ কেউ মিটিংয়ে আসতে পারেন না।",
            "body": "এখন আপনি কোনো ওয়ার্কশপ বা মিটিংয়ে এলে আমরা আপনার বাসভাড়া দিই।\n\n"
            "- টিকিট রেখে দিন, বা টিকিটের একটি ছবি তুলে রাখুন।\n"
            "- সেদিনই টাকা চেয়ে নিন, বা এই ওয়েবসাইটে আপনার পাতা থেকে দাবি করুন।\n\n"
            "আপনি হয়তো বিনামূল্যে বাস পাসও পেতে পারেন: "
            "https://www.gov.uk/apply-for-disabled-bus-pass",
        },
    },
    "evening_advice": {
        "cy": {
            "said": "Dim ond yn ystod y dydd mae'r llinell gyngor ar agor. Dydy pobl sy'n "
            "gweithio ddim yn gallu ffonio.",
            "body": "Buon ni'n trafod hyn yng ngrŵp ffocws y llinell gyngor.",
            "reason": "Rhaid i'n cynghorwyr gael hyfforddiant ac yswiriant i roi cyngor. Dim "
            "ond oriau yn ystod y dydd mae ein harian yn talu amdanyn nhw. Rydym wedi gofyn i "
            "ymddiriedolaeth am grant i agor ddwy noson yr wythnos. Byddwn yn dweud wrthych chi "
            "os cawn ni e.",
        },
        "pl": {
            "said": "Infolinia z poradami działa tylko w ciągu dnia. Osoby, które pracują, nie "
            "mogą zadzwonić.",
            "body": "Rozmawialiśmy o tym w grupie fokusowej o infolinii.",
            "reason": "Nasi doradcy muszą być przeszkoleni i ubezpieczeni, żeby udzielać porad. "
            "Nasze pieniądze wystarczają tylko na godziny w ciągu dnia. Poprosiliśmy fundację "
            "o grant, żeby otworzyć infolinię w dwa wieczory w tygodniu. Powiemy Wam, jeśli go "
            "dostaniemy.",
        },
        "ar": {
            "said": "خط المشورة مفتوح في النهار فقط. الذين يعملون لا يستطيعون الاتصال.",
            "body": "تحدثنا عن هذا في مجموعة النقاش الخاصة بخط المشورة.",
            "reason": "يجب أن يكون مستشارونا مدرَّبين ولديهم تأمين حتى يقدّموا المشورة. أموالنا "
            "تكفي لساعات النهار فقط. طلبنا منحة من صندوق خيري لنفتح الخط مساءين في الأسبوع. "
            "سنخبركم إذا حصلنا عليها.",
        },
        "ur": {
            "said": "مشورے کی لائن صرف دن میں کھلی ہوتی ہے۔ کام کرنے والے لوگ فون نہیں کر سکتے۔",
            "body": "ہم نے اس بارے میں مشورے کی لائن کے فوکس گروپ میں بات کی۔",
            "reason": "مشورہ دینے کے لیے ہمارے مشیروں کا تربیت یافتہ ہونا اور ان کا بیمہ ہونا "
            "ضروری ہے۔ ہمارے پیسے صرف دن کے اوقات کے لیے کافی ہیں۔ ہم نے ایک ٹرسٹ سے گرانٹ "
            "مانگی ہے تاکہ ہفتے میں دو شام لائن کھول سکیں۔ اگر یہ مل گئی تو ہم آپ کو بتائیں گے۔",
        },
        "bn": {
            "said": "পরামর্শ লাইন শুধু দিনের বেলায় খোলা থাকে। যাঁরা কাজ করেন, তাঁরা ফোন করতে পারেন না।",
            "body": "পরামর্শ লাইনের ফোকাস গ্রুপে আমরা এ নিয়ে কথা বলেছি।",
            "reason": "পরামর্শ দিতে হলে আমাদের পরামর্শদাতাদের প্রশিক্ষণ ও বিমা থাকতে হয়। "
            "আমাদের টাকায় শুধু দিনের সময়ের খরচ চলে। সপ্তাহে দুই সন্ধ্যা লাইন খোলার জন্য আমরা "
            "একটি ট্রাস্টের কাছে অনুদান চেয়েছি। পেলে আমরা আপনাদের জানাব।",
        },
    },
    "languages": {
        "cy": {
            "said": "Mae rhai ohonom ni'n ei chael hi'n anodd siarad â chi yn Saesneg. "
            "Hoffem ni gael rhywun sy'n siarad Pwyleg.",
            "body": "Mae tri gwirfoddolwr nawr yn helpu yn y caffi yn Bwyleg, yn Arabeg ac yn "
            "Fengaleg. Maen nhw'n gwisgo bathodyn sy'n dangos pa ieithoedd maen nhw'n eu "
            "siarad.\n\nRydym yn dal i chwilio am wirfoddolwr sy'n siarad Wrdw. Allwch chi "
            "helpu? Rhagor o wybodaeth: https://example.org/volunteer",
        },
        "pl": {
            "said": "Niektórym z nas trudno rozmawiać z Wami po angielsku. "
            "Prosimy o kogoś, kto mówi po polsku.",
            "body": "Troje wolontariuszy pomaga teraz w kawiarni po polsku, po arabsku i po "
            "bengalsku. Noszą plakietkę, która pokazuje, jakimi językami mówią.\n\n"
            "Nadal szukamy wolontariusza, który mówi w urdu. Możecie pomóc? "
            "Więcej informacji: https://example.org/volunteer",
        },
        "ar": {
            "said": "بعضنا يجد صعوبة في التحدث معكم بالإنجليزية. "
            "نرجو أن يكون هناك من يتكلم البولندية.",
            "body": "يساعد الآن ثلاثة متطوعين في المقهى بالبولندية والعربية والبنغالية. يضعون "
            "شارة تُظهر اللغات التي يتكلمونها.\n\nما زلنا نبحث عن متطوع يتكلم الأردية. هل "
            "تستطيع المساعدة؟ اعرف المزيد: https://example.org/volunteer",
        },
        "ur": {
            "said": "ہم میں سے کچھ لوگوں کو آپ سے انگریزی میں بات کرنا مشکل لگتا ہے۔ "
            "براہ کرم کوئی ایسا فرد رکھیں جو پولش بولتا ہو۔",
            "body": "اب تین رضاکار کیفے میں پولش، عربی اور بنگالی میں مدد کرتے ہیں۔ وہ ایک بیج "
            "لگاتے ہیں جس پر لکھا ہوتا ہے کہ وہ کون سی زبانیں بولتے ہیں۔\n\nہمیں ابھی بھی ایک "
            "ایسے رضاکار کی تلاش ہے جو اردو بولتا ہو۔ کیا آپ مدد کر سکتے ہیں؟ مزید جانیں: "
            "https://example.org/volunteer",
        },
        "bn": {
            "said": "আমাদের কারও কারও জন্য আপনাদের সঙ্গে ইংরেজিতে কথা বলা কঠিন। "
            "দয়া করে পোলিশ বলতে পারেন এমন কাউকে রাখুন।",
            "body": "এখন তিনজন স্বেচ্ছাসেবক ক্যাফেতে পোলিশ, আরবি আর বাংলায় সাহায্য করেন। তাঁরা "
            "একটি ব্যাজ পরেন, যাতে লেখা থাকে তাঁরা কোন কোন ভাষা বলেন।\n\nআমরা এখনও উর্দু "
            "বলতে পারেন এমন একজন স্বেচ্ছাসেবক খুঁজছি। আপনি কি সাহায্য করতে পারেন? "
            "আরও জানুন: https://example.org/volunteer",
        },
    },
    "call_back": {
        "cy": {
            "said": "Mae'n cymryd gormod o amser i gael ateb ar y llinell gyngor. Mae rhai pobl "
            "yn rhoi'r gorau iddi.",
            "body": "Rydym wedi dechrau gwasanaeth galw'n ôl.\n\n1. Ffoniwch y llinell gyngor.\n"
            "2. Os nad oes neb yn ateb, gadewch eich enw a'ch rhif.\n"
            "3. Bydd cynghorydd yn eich ffonio'n ôl yr un diwrnod.\n\n"
            "Rhagor am y llinell gyngor: https://example.org/advice",
        },
        "pl": {
            "said": "Dodzwonienie się na infolinię z poradami trwa za długo. Niektórzy się "
            "poddają.",
            "body": "Uruchomiliśmy usługę oddzwaniania.\n\n1. Zadzwońcie na infolinię.\n"
            "2. Jeśli nikt nie odbierze, zostawcie imię i numer telefonu.\n"
            "3. Doradca oddzwoni do Was tego samego dnia.\n\n"
            "Więcej o infolinii: https://example.org/advice",
        },
        "ar": {
            "said": "الوصول إلى خط المشورة يستغرق وقتًا طويلًا جدًا. بعض الناس يتوقفون عن المحاولة.",
            "body": "بدأنا خدمة معاودة الاتصال.\n\n1. اتصلوا بخط المشورة.\n"
            "2. إذا لم يردّ أحد، اتركوا اسمكم ورقم هاتفكم.\n"
            "3. سيتصل بكم مستشار في اليوم نفسه.\n\n"
            "اقرأوا المزيد عن خط المشورة: https://example.org/advice",
        },
        "ur": {
            "said": "مشورے کی لائن پر بات ہونے میں بہت وقت لگتا ہے۔ کچھ لوگ ہمت ہار دیتے ہیں۔",
            "body": "ہم نے واپس کال کرنے کی سروس شروع کی ہے۔\n\n1. مشورے کی لائن پر کال کریں۔\n"
            "2. اگر کوئی جواب نہ دے تو اپنا نام اور نمبر چھوڑ دیں۔\n"
            "3. ایک مشیر اسی دن آپ کو واپس کال کرے گا۔\n\n"
            "مشورے کی لائن کے بارے میں مزید پڑھیں: https://example.org/advice",
        },
        "bn": {
            "said": "পরামর্শ লাইনে ফোন করে কথা বলতে অনেক সময় লাগে। কেউ কেউ হাল ছেড়ে দেন।",
            "body": "আমরা কল-ব্যাক সেবা চালু করেছি।\n\n1. পরামর্শ লাইনে ফোন করুন।\n"
            "2. কেউ না ধরলে আপনার নাম আর নম্বর রেখে দিন।\n"
            "3. একজন পরামর্শদাতা সেদিনই আপনাকে ফোন করবেন।\n\n"
            "পরামর্শ লাইন সম্পর্কে আরও পড়ুন: https://example.org/advice",
        },
    },
    "forms_help": {
        "cy": {
            "said": "Mae angen help ar lawer o bobl gyda ffurflenni a llythyrau, fel llythyrau "
            "am dai neu fudd-daliadau.",
            "body": "Rydym yn siarad â chanolfan gyngor leol am sesiwn galw heibio bob wythnos "
            "yn y caffi.",
        },
        "pl": {
            "said": "Wiele osób potrzebuje pomocy z formularzami i listami, na przykład w sprawie "
            "mieszkania albo zasiłków.",
            "body": "Rozmawiamy z lokalnym punktem porad o cotygodniowym dyżurze w kawiarni.",
        },
        "ar": {
            "said": "كثير من الناس يحتاجون إلى مساعدة في الاستمارات والرسائل، مثل رسائل السكن "
            "أو الإعانات.",
            "body": "نتحدث مع مركز استشارات محلي عن جلسة أسبوعية في المقهى يمكن حضورها دون موعد.",
        },
        "ur": {
            "said": "بہت سے لوگوں کو فارموں اور خطوں میں مدد چاہیے، جیسے رہائش یا بینیفٹس کے "
            "بارے میں خط۔",
            "body": "ہم ایک مقامی مشاورتی مرکز سے کیفے میں ہفتہ وار ڈراپ اِن سیشن کے بارے میں "
            "بات کر رہے ہیں۔",
        },
        "bn": {
            "said": "অনেকের ফর্ম আর চিঠি নিয়ে সাহায্য দরকার, যেমন বাসস্থান বা বেনিফিট নিয়ে চিঠি।",
            "body": "ক্যাফেতে প্রতি সপ্তাহে একটি ড্রপ-ইন সেশনের জন্য আমরা একটি স্থানীয় "
            "পরামর্শ কেন্দ্রের সঙ্গে কথা বলছি।",
        },
    },
    "busy_times": {
        "cy": {
            "said": "Ar adegau prysur does dim digon o wirfoddolwyr. Mae pobl yn aros yn hir am "
            "baned.",
            "body": "Rydym yn chwilio am ddau wirfoddolwr arall ar ddydd Mawrth. Byddwn yn "
            "rhoi poster i fyny yn y caffi.",
        },
        "pl": {
            "said": "W godzinach największego ruchu jest za mało wolontariuszy. Ludzie długo "
            "czekają na herbatę.",
            "body": "Szukamy dwóch kolejnych wolontariuszy na wtorki. Powiesimy plakat w kawiarni.",
        },
        "ar": {
            "said": "في أوقات الازدحام لا يوجد عدد كافٍ من المتطوعين. ينتظر الناس وقتًا طويلًا "
            "للحصول على كوب شاي.",
            "body": "نبحث عن متطوعَين إضافيَّين أيام الثلاثاء. سنعلّق ملصقًا في المقهى.",
        },
        "ur": {
            "said": "رش کے وقت رضاکار کافی نہیں ہوتے۔ لوگ چائے کے ایک کپ کے لیے دیر تک انتظار "
            "کرتے ہیں۔",
            "body": "ہمیں منگل کے دن کے لیے دو اور رضاکار چاہییں۔ ہم کیفے میں ایک پوسٹر لگائیں گے۔",
        },
        "bn": {
            "said": "ভিড়ের সময় যথেষ্ট স্বেচ্ছাসেবক থাকেন না। এক কাপ চায়ের জন্য মানুষকে অনেকক্ষণ অপেক্ষা করতে হয়।",
            "body": "আমরা মঙ্গলবারের জন্য আরও দুজন স্বেচ্ছাসেবক খুঁজছি। আমরা ক্যাফেতে একটি পোস্টার লাগাব।",
        },
    },
}
