import Foundation
import Testing
@testable import WirePipe

@Suite("LanguageDetector")
struct LanguageDetectorTests {
    let detector = LanguageDetector()

    static let samples: [(code: String, text: String)] = [
        ("en", "The central bank raised interest rates on Wednesday for the third time this year, saying that inflation was still too high. Officials said they would watch the labour market closely before making any further decisions."),
        ("de", "Die Bundesregierung hat am Mittwoch ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen. Nach Angaben des Ministeriums sollen die Kosten für Verbraucher in den kommenden Jahren sinken. Kritiker bezweifeln jedoch, dass die Maßnahmen ausreichen."),
        ("fr", "Le gouvernement a présenté mercredi un projet de loi destiné à réduire la consommation d'énergie dans les bâtiments publics. Selon le ministre, les premières mesures entreront en vigueur dès le mois prochain. Les syndicats ont déjà annoncé qu'ils s'opposeraient à cette réforme."),
        ("es", "El Gobierno aprobó este martes un nuevo paquete de medidas para frenar la subida de los precios de la energía. Según el ministerio, las ayudas llegarán a más de dos millones de hogares durante los próximos meses. La oposición criticó que el plan llega demasiado tarde."),
        ("it", "Il governo ha approvato ieri un nuovo decreto per sostenere le famiglie colpite dall'aumento dei prezzi dell'energia. Secondo il ministro, le misure entreranno in vigore già dal mese prossimo. I sindacati però hanno definito il provvedimento insufficiente."),
        ("pt", "O governo anunciou nesta quarta-feira um novo pacote de medidas para conter a alta dos preços dos alimentos. Segundo o ministério, os recursos serão destinados às famílias de baixa renda em todo o país. A oposição afirmou que o plano chega tarde demais."),
        ("nl", "De regering heeft woensdag een nieuw plan gepresenteerd om de energierekening van huishoudens te verlagen. Volgens de minister moeten de eerste maatregelen al volgende maand ingaan. De oppositie noemt het plan te weinig en te laat."),
        ("sv", "Regeringen presenterade på onsdagen ett nytt stödpaket för små företag. Enligt ministern ska de första utbetalningarna ske redan nästa månad. Oppositionen menar att åtgärderna inte räcker och att de kommer för sent."),
        ("da", "Regeringen fremlagde onsdag en ny hjælpepakke til de små virksomheder. Ifølge ministeren skal de første udbetalinger ske allerede i næste måned, og der er afsat flere milliarder kroner. Oppositionen mener dog, at det er for lidt, og at hjælpen kommer for sent til mange af virksomhederne."),
        ("no", "Regjeringen la onsdag fram en ny hjelpepakke for de små bedriftene. Ifølge statsråden skal de første utbetalingene skje allerede neste måned, og det er satt av flere milliarder kroner. Opposisjonen mener likevel at det er for lite, og at hjelpen kommer for sent for mange av bedriftene."),
        ("fi", "Hallitus hyväksyi keskiviikkona uuden tukipaketin pienille yrityksille. Ministerin mukaan ensimmäiset maksut tehdään jo ensi kuussa. Oppositio kuitenkin arvioi, että toimet ovat liian pieniä ja että ne tulevat liian myöhään."),
        ("pl", "Rząd przyjął w środę nowy pakiet środków wsparcia dla małych firm. Według ministra pierwsze wypłaty przedsiębiorcy otrzymają już w przyszłym miesiącu. Eksperci uważają jednak, że te działania mogą okazać się niewystarczające."),
        ("cs", "Vláda ve středu schválila nový balíček opatření na podporu malých firem. Podle ministra dostanou podnikatelé první platby už příští měsíc. Opozice však tvrdí, že tato pomoc je nedostatečná a přichází příliš pozdě."),
        ("tr", "Hükümet çarşamba günü küçük işletmeleri desteklemek için yeni bir önlem paketini onayladı. Bakanın açıklamasına göre ilk ödemeler önümüzdeki ay yapılacak. Uzmanlar ise bu önlemlerin yeterli olmayabileceğini düşünüyor."),
        ("ro", "Guvernul a aprobat miercuri un nou pachet de măsuri pentru sprijinirea firmelor mici. Potrivit ministrului, primele plăți vor fi făcute încă de luna viitoare. Opoziția susține însă că aceste măsuri sunt insuficiente și vin prea târziu."),
        ("hu", "A kormány szerdán új támogatási csomagot fogadott el a kisvállalkozások számára. A miniszter szerint az első kifizetések már a jövő hónapban megérkeznek. Az ellenzék azonban úgy véli, hogy az intézkedések nem elegendőek."),
        ("id", "Pemerintah pada hari Rabu menyetujui paket bantuan baru untuk usaha kecil dan menengah. Menurut menteri, pembayaran pertama akan dilakukan pada bulan depan. Namun para ahli menilai bahwa langkah tersebut belum cukup untuk membantu mereka yang terdampak."),
        ("vi", "Chính phủ hôm thứ Tư đã thông qua gói hỗ trợ mới dành cho các doanh nghiệp nhỏ. Theo bộ trưởng, những khoản thanh toán đầu tiên sẽ được thực hiện ngay trong tháng tới. Tuy nhiên, các chuyên gia cho rằng những biện pháp này vẫn chưa đủ."),
        ("ru", "Правительство в среду утвердило новый пакет мер по поддержке малого бизнеса. По словам министра, первые выплаты предприниматели получат уже в следующем месяце. Эксперты считают, что этих мер может оказаться недостаточно."),
        ("uk", "Уряд у середу ухвалив новий пакет заходів для підтримки малого бізнесу. За словами міністра, перші виплати підприємці отримають вже наступного місяця. Експерти вважають, що цих заходів може виявитися недостатньо."),
        ("bg", "Правителството одобри в сряда нов пакет от мерки за подкрепа на малкия бизнес. Според министъра първите плащания ще бъдат направени още през следващия месец. Експертите смятат, че това няма да е достатъчно."),
        ("sr", "Влада је у среду усвојила нови пакет мера за подршку малим предузећима. Према речима министра, прве исплате ће бити извршене већ следећег месеца. Стручњаци сматрају да то није довољно."),
        ("el", "Η κυβέρνηση ενέκρινε την Τετάρτη νέο πακέτο μέτρων για τη στήριξη των μικρών επιχειρήσεων. Σύμφωνα με τον υπουργό, οι πρώτες πληρωμές θα γίνουν τον επόμενο μήνα."),
        ("he", "הממשלה אישרה ביום רביעי חבילת צעדים חדשה לתמיכה בעסקים קטנים. לדברי השר, התשלומים הראשונים יועברו כבר בחודש הבא."),
        ("ar", "وافقت الحكومة يوم الأربعاء على حزمة جديدة من الإجراءات لدعم الشركات الصغيرة. وقال الوزير إن الدفعات الأولى ستصرف اعتبارا من الشهر المقبل. ويرى خبراء أن هذه الإجراءات قد لا تكون كافية."),
        ("fa", "دولت روز چهارشنبه بسته جدیدی از اقدامات برای حمایت از کسب و کارهای کوچک را تصویب کرد. به گفته وزیر، نخستین پرداخت‌ها از ماه آینده انجام می‌شود."),
        ("hi", "सरकार ने बुधवार को छोटे व्यवसायों की मदद के लिए एक नए पैकेज को मंजूरी दी। मंत्री ने कहा कि पहला भुगतान अगले महीने किया जाएगा।"),
        ("th", "รัฐบาลอนุมัติมาตรการช่วยเหลือธุรกิจขนาดเล็กชุดใหม่เมื่อวันพุธ รัฐมนตรีกล่าวว่าการจ่ายเงินงวดแรกจะเริ่มในเดือนหน้า"),
        ("ja", "政府は水曜日、中小企業を支援するための新たな経済対策を決定した。首相は記者会見で、来月から支給を始めると述べた。専門家の間では、対策の規模が十分ではないとの見方も出ている。"),
        ("zh", "政府周三批准了一项支持中小企业的新经济措施。总理在记者会上表示，首批补贴将于下个月开始发放。但专家认为，这些措施的规模仍然不够。"),
        ("ko", "정부는 수요일 중소기업을 지원하기 위한 새로운 경제 대책을 발표했다. 총리는 기자회견에서 다음 달부터 지원금 지급을 시작한다고 밝혔다. 전문가들은 대책의 규모가 충분하지 않다고 지적했다."),
        ("ka", "მთავრობამ ოთხშაბათს მცირე ბიზნესის მხარდაჭერის ახალი პაკეტი დაამტკიცა. მინისტრის თქმით, პირველი გადახდები მომავალ თვეში განხორციელდება."),
        ("hy", "Կառավարությունը չորեքշաբթի հաստատեց փոքր բիզնեսին աջակցելու միջոցառումների նոր փաթեթ։ Նախարարի խոսքով՝ առաջին վճարումները կկատարվեն հաջորդ ամսին։"),
    ]

    @Test(arguments: samples)
    func detectsParagraphLanguage(code: String, text: String) {
        let guess = detector.detect(text)
        #expect(guess.code == code)
        #expect(guess.confidence > 0.3)
        #expect(guess.confidence <= 1)
    }

    @Test(arguments: ["", "Hello world", "Breaking news today", "東京", "12 345 — 67.8%", "Москва сегодня"])
    func tooLittleEvidenceIsUndetermined(_ text: String) {
        #expect(detector.detect(text) == LanguageGuess(code: "und", confidence: 0))
    }

    @Test func mixedTextReturnsDominantLanguage() {
        let english = Self.samples.first { $0.code == "en" }!.text
        let russian = Self.samples.first { $0.code == "ru" }!.text
        // An English story quoting a German sentence.
        let quoted = english + " “Wir sind nicht zufrieden”, sagte er. " + english
        #expect(detector.detect(quoted).code == "en")
        // A Russian story with English product names and a short English quote.
        let withNames = russian + " Компания Apple и Microsoft заявили: “We are monitoring the situation.” " + russian
        #expect(detector.detect(withNames).code == "ru")
        // Japanese with Latin brand names stays Japanese.
        #expect(detector.detect("先日、不正に改造したiPhoneを販売したとして、商標法違反の疑いで20代の男性が逮捕されました。").code == "ja")
    }

    @Test func oneChanceFunctionWordIsNotEnough() {
        // "Pro" is a Czech function word; one hit in an English product headline decides nothing.
        #expect(detector.detect("Apple iPhone 15 Pro Max review: camera, battery, price").code == "und")
        // Distinctive letters can carry a short agglutinative sentence without function words.
        #expect(detector.detect("Cumhurbaşkanı hükümette değişiklik olmayacağını söyledi.").code == "tr")
    }

    @Test func profileHashesAreCollisionFree() {
        #expect(LanguageDetector.Profiles.latinHashed.count == LanguageDetector.Profiles.latinWords.count)
        #expect(LanguageDetector.Profiles.cyrillicHashed.count == LanguageDetector.Profiles.cyrillicWords.count)
    }

    /// The profile words are split on bytes; as `Character`s they split the same way, since none starts with
    /// a combining mark (which would join the space before it into one `Character`).
    @Test func profileWordsSplitAsCharactersWould() {
        for lists in [LanguageDetector.Profiles.latinLists, LanguageDetector.Profiles.cyrillicLists] {
            for list in lists {
                let asCharacters = list.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
                let asBytes = list.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A }).map { String(decoding: $0, as: UTF8.self) }
                #expect(asBytes == asCharacters)
            }
        }
        let words = Set(LanguageDetector.Profiles.latinWords.keys)
        #expect(words.contains("the") && words.contains("für") && words.contains("l'"))
    }

    @Test func decomposedAccentsMatchLikeComposedOnes() {
        // "été" and "déjà" are profile words; written with combining accents they must still count.
        let composed = "Le projet a été présenté hier et il a déjà été adopté par les députés."
        let decomposed = composed.replacingOccurrences(of: "é", with: "e\u{301}")
        #expect(decomposed.unicodeScalars.count > composed.unicodeScalars.count)
        #expect(detector.detect(decomposed) == detector.detect(composed))
    }

    @Test func unknownLatinLanguageIsUndetermined() {
        // Swahili shares no function words with the Latin profiles.
        let swahili = "Serikali imeidhinisha mpango mpya wa kusaidia biashara ndogo ndogo nchini Kenya wiki hii."
        #expect(detector.detect(swahili).code == "und")
    }

    @Test func longerTextIsMoreConfident() {
        let english = Self.samples.first { $0.code == "en" }!.text
        let short = detector.detect("The minister said that the plan was ready for the vote.")
        let long = detector.detect(english + " " + english)
        #expect(short.code == "en")
        #expect(long.confidence > short.confidence)
    }

    @Test func deterministicAndBoundedOnLongInput() {
        let german = Self.samples.first { $0.code == "de" }!.text
        let huge = String(repeating: german + " ", count: 2_000)
        let first = detector.detect(huge)
        #expect(first.code == "de")
        #expect(detector.detect(huge) == first)
    }

    @Test func frenchElisionsCount() {
        // Mostly elided forms: l', d', qu', n' are French evidence; the word after the apostrophe is not scored.
        let guess = detector.detect("L'homme qu'il a vu n'était pas d'ici, l'enquête l'a montré.")
        #expect(guess.code == "fr")
    }
}
