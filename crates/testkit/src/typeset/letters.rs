//! The source letters the layout tests set: the NAVO letter (its blocks from
//! `fixtures/navo2030/reference.txt`) and two invented letters with what the NAVO letter
//! lacks (numbered headings, several kinds of list, footnotes, a subject over two lines,
//! `Ons kenmerk`, a closing formula, an appendix).

use super::letter::{Block, Footnote, Heading, Labels, Letter, Section, Signatory};

const NAVO_REFERENCE: &str = include_str!("../../../../fixtures/navo2030/reference.txt");

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn ministry_front(sender: &[&str]) -> Letter {
    Letter {
        sender: strings(sender),
        addressee: strings(&[
            "Aan de Voorzitter van de Tweede Kamer",
            "der Staten-Generaal",
            "Postbus 20018",
            "2500 EA  DEN HAAG",
        ]),
        place: "Den Haag".into(),
        salutation: "Geachte voorzitter,".into(),
        ..Letter::default()
    }
}

/// The NAVO letter: the blocks of `reference.txt` read with the rules of
/// `fixtures/README.md` (first block the salutation, the last four the two signatories,
/// `1. …` blocks a numbered list, a short unpunctuated block before a paragraph a heading).
pub fn navo() -> Letter {
    let blocks: Vec<&str> = NAVO_REFERENCE
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .collect();
    let mut letter = ministry_front(&["Ministerie van Buitenlandse Zaken"]);
    letter.sender_address = strings(&[
        "Rijnstraat 8",
        "2515 XP Den Haag",
        "Postbus 20061",
        "2500 EB Den Haag",
        "Nederland",
        "www.rijksoverheid.nl",
    ]);
    letter.return_address = "Postbus 20061 2500 EB Den Haag".into();
    letter.date = "7 april 2021".into();
    letter.date_iso = "2021-04-07".into();
    letter.subject_label = "Betreft".into();
    letter.subject = "NAVO Reflectierapport 2030".into();
    letter.fields = vec![("Bijlage(n)".into(), "1".into())];
    let (Some(salutation), Some(body_end)) = (blocks.first(), blocks.len().checked_sub(4)) else {
        return letter;
    };
    letter.salutation = salutation.to_string();
    let body = blocks.get(1..body_end).unwrap_or_default();
    let mut sections = vec![Section::default()];
    let mut i = 0;
    while let Some(block) = body.get(i) {
        let next = body.get(i + 1);
        if let Some(rest) = block.strip_prefix("1. ") {
            let mut items = vec![rest.to_string()];
            while let Some(item) = body
                .get(i + 1)
                .and_then(|b| b.strip_prefix(&format!("{}. ", items.len() + 1)))
            {
                items.push(item.to_string());
                i += 1;
            }
            push(
                &mut sections,
                Block::List {
                    labels: Labels::Number,
                    items,
                },
            );
        } else if is_heading(block) && next.is_some_and(|n| !is_heading(n)) {
            sections.push(Section {
                heading: Some(Heading {
                    number: None,
                    text: block.to_string(),
                    level: 1,
                }),
                blocks: Vec::new(),
            });
        } else {
            push(&mut sections, Block::Paragraph(block.to_string()));
        }
        i += 1;
    }
    letter.sections = sections;
    let tail = blocks.get(body_end..).unwrap_or_default();
    letter.signatories = tail
        .chunks(2)
        .filter_map(|pair| match pair {
            [role, name] => Some(Signatory {
                role: role.to_string(),
                name: name.to_string(),
            }),
            _ => None,
        })
        .collect();
    letter
}

fn push(sections: &mut [Section], block: Block) {
    if let Some(s) = sections.last_mut() {
        s.blocks.push(block);
    }
}

/// A heading block of the reference text: one short line without final punctuation.
fn is_heading(block: &str) -> bool {
    block.chars().count() < 60 && !block.ends_with(['.', ':', ';', ',', '?', '!'])
}

fn para(text: &str) -> Block {
    Block::Paragraph(text.to_string())
}

fn list(labels: Labels, items: &[&str]) -> Block {
    Block::List {
        labels,
        items: strings(items),
    }
}

fn heading(number: Option<&str>, text: &str, level: u8) -> Option<Heading> {
    Some(Heading {
        number: number.map(str::to_string),
        text: text.to_string(),
        level,
    })
}

/// An invented progress letter: numbered headings on two levels, bullets, a numbered and a
/// lettered list, three footnotes, a subject over two lines, `Ons kenmerk`, a closing
/// formula and two signatories.
pub fn waterwegen() -> Letter {
    let mut letter = ministry_front(&["Ministerie van Infrastructuur", "en Waterstaat"]);
    letter.sender_address = strings(&[
        "Rijnstraat 8",
        "2515 XP  Den Haag",
        "Postbus 20901",
        "2500 EX  Den Haag",
        "www.rijksoverheid.nl",
    ]);
    letter.return_address = "Postbus 20901 2500 EX  Den Haag".into();
    letter.date = "12 maart 2024".into();
    letter.date_iso = "2024-03-12".into();
    letter.subject_label = "Betreft".into();
    letter.subject =
        "Voortgang van het programma Vervanging en Renovatie van bruggen, sluizen en tunnels"
            .into();
    letter.our_reference = Some("IENW/BSK-2024/12345".into());
    letter.fields = vec![("Bijlage(n)".into(), "2".into())];
    letter.sections = vec![
        Section {
            heading: None,
            blocks: vec![
                para(
                    "Met deze brief informeer ik uw Kamer over de voortgang van het programma \
                     Vervanging en Renovatie. In mijn brief van 14 september 2023 heb ik \
                     toegezegd uw Kamer twee keer per jaar te informeren over de staat van de \
                     bruggen, sluizen, stuwen en tunnels die het Rijk beheert.",
                ),
                para(
                    "Ik ga achtereenvolgens in op de aanleiding voor het programma, op de stand \
                     van zaken en op de vervolgstappen die ik samen met de regio's wil zetten.",
                ),
            ],
        },
        Section {
            heading: heading(Some("1."), "Aanleiding", 1),
            blocks: vec![
                para(
                    "Een groot deel van de rijksinfrastructuur is aangelegd in de jaren zestig \
                     en zeventig van de vorige eeuw. Uit de Staat van de Infrastructuur 2023^1 \
                     blijkt dat de opgave voor vervanging de komende tien jaar verder toeneemt. \
                     De belangrijkste oorzaken daarvan zijn:",
                ),
                list(
                    Labels::Bullet,
                    &[
                        "de leeftijd van kunstwerken die na de oorlog zijn gebouwd;",
                        "de toegenomen verkeersbelasting, in het bijzonder door zwaar \
                         vrachtverkeer;",
                        "krapte op de arbeidsmarkt voor technisch personeel.",
                    ],
                ),
                para(
                    "Deze oorzaken versterken elkaar. Waar onderhoud wordt uitgesteld, neemt \
                     de kans op onverwachte storingen toe, en daarmee de hinder voor \
                     weggebruikers en de scheepvaart.",
                ),
            ],
        },
        Section {
            heading: heading(Some("2."), "Stand van zaken", 1),
            blocks: vec![para(
                "In 2023 zijn elf objecten vervangen of gerenoveerd. Bij vier projecten is \
                 vertraging opgetreden door de vergunningverlening^2 en door de beschikbaarheid \
                 van materiaal.",
            )],
        },
        Section {
            heading: heading(Some("2.1"), "Planning", 2),
            blocks: vec![
                para("Voor de komende jaren hanteer ik de volgende uitgangspunten:"),
                list(
                    Labels::Number,
                    &[
                        "Renovatie gaat voor vervanging, waar dat veilig en doelmatig kan.",
                        "Werkzaamheden aan objecten op dezelfde corridor worden zoveel mogelijk \
                         gebundeld, zodat de hinder beperkt blijft.",
                        "Objecten met een verhoogd veiligheidsrisico krijgen voorrang.",
                    ],
                ),
                para(
                    "Met deze uitgangspunten verwacht ik de achterstand in vijf jaar in te \
                     lopen. Ik informeer uw Kamer jaarlijks over de voortgang.",
                ),
            ],
        },
        Section {
            heading: heading(Some("3."), "Vervolg", 1),
            blocks: vec![
                para(
                    "Samen met de bouwsector werk ik aan standaardontwerpen^3 voor bruggen en \
                     sluizen. Dat verkort de voorbereiding en maakt het mogelijk om objecten in \
                     series aan te besteden. Ik verwacht daarvan de volgende voordelen:",
                ),
                list(
                    Labels::Letter,
                    &[
                        "kortere doorlooptijden van ontwerp tot oplevering;",
                        "lagere kosten per object;",
                        "meer zekerheid voor aannemers over het werk in de komende jaren.",
                    ],
                ),
                para(
                    "Ik vertrouw erop uw Kamer hiermee voldoende te hebben geïnformeerd over de \
                     stand van zaken van het programma.",
                ),
            ],
        },
    ];
    letter.closing = Some("Hoogachtend,".into());
    letter.signatories = vec![
        Signatory {
            role: "DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT,".into(),
            name: "M. Jansen-de Vries".into(),
        },
        Signatory {
            role: "DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT,".into(),
            name: "drs. P.J. van Dijk".into(),
        },
    ];
    letter.footnotes = vec![
        Footnote {
            marker: "1".into(),
            text: "Rijkswaterstaat, Staat van de Infrastructuur 2023, Utrecht, oktober 2023."
                .into(),
        },
        Footnote {
            marker: "2".into(),
            text: "De vergunningen voor de sluis bij Born en de brug bij Ravenstein zijn met \
                   gemiddeld zeven maanden vertraging verleend."
                .into(),
        },
        Footnote {
            marker: "3".into(),
            text: "Het gaat om ontwerpen voor beweegbare bruggen en voor schutsluizen.".into(),
        },
    ];
    letter
}

/// An invented short letter with the older `Onderwerp` label, unnumbered headings, a dash
/// list, footnotes, `Met vriendelijke groet,`, two ministers and an appendix.
pub fn zorg() -> Letter {
    let mut letter = ministry_front(&["Ministerie van Volksgezondheid,", "Welzijn en Sport"]);
    letter.sender_address = strings(&[
        "Parnassusplein 5",
        "2511 VX  Den Haag",
        "www.rijksoverheid.nl",
    ]);
    letter.return_address = "Postbus 20350 2500 EJ  Den Haag".into();
    letter.date = "3 oktober 2023".into();
    letter.date_iso = "2023-10-03".into();
    letter.subject_label = "Onderwerp".into();
    letter.subject = "Reactie op het advies over de toegankelijkheid van de huisartsenzorg".into();
    letter.our_reference = Some("3654321-1055210-CZ".into());
    letter.sections = vec![
        Section {
            heading: None,
            blocks: vec![para(
                "Op 12 juni 2023 heeft de Raad voor Volksgezondheid en Samenleving zijn advies \
                 over de toegankelijkheid van de huisartsenzorg uitgebracht.^1 In deze brief \
                 geef ik, mede namens de Minister voor Medische Zorg, de reactie van het \
                 kabinet op dit advies.",
            )],
        },
        Section {
            heading: heading(None, "Het advies", 1),
            blocks: vec![
                para(
                    "De Raad constateert dat steeds meer mensen geen vaste huisarts kunnen \
                     vinden. De Raad doet daarom drie aanbevelingen:",
                ),
                list(
                    Labels::Dash,
                    &[
                        "maak de praktijkhouder weer aantrekkelijk voor jonge huisartsen;",
                        "geef gemeenten een rol bij het vinden van praktijkruimte;",
                        "beperk de administratieve lasten in de eerste lijn.",
                    ],
                ),
            ],
        },
        Section {
            heading: heading(None, "Reactie van het kabinet", 1),
            blocks: vec![
                para(
                    "Het kabinet onderschrijft de analyse van de Raad. De huisarts is de \
                     poortwachter van de zorg, en een goede toegang tot de huisarts voorkomt \
                     duurdere zorg elders.^2 Ik neem de aanbevelingen daarom over.",
                ),
                para(
                    "Voor de eerste aanbeveling trek ik in 2024 extra middelen uit. Over de \
                     tweede aanbeveling ga ik in gesprek met de Vereniging van Nederlandse \
                     Gemeenten. De derde aanbeveling werk ik uit in het programma voor minder \
                     regeldruk.",
                ),
            ],
        },
    ];
    letter.closing = Some("Met vriendelijke groet,".into());
    letter.signatories = vec![
        Signatory {
            role: "de minister van Volksgezondheid, Welzijn en Sport,".into(),
            name: "E.J. Kuipers".into(),
        },
        Signatory {
            role: "de minister voor Medische Zorg,".into(),
            name: "C. Helder".into(),
        },
    ];
    letter.appendix = vec![Section {
        heading: heading(None, "Bijlage: overzicht van de maatregelen", 1),
        blocks: vec![para(
            "De maatregelen uit deze brief worden in 2024 uitgewerkt in een plan van aanpak, \
             dat ik voor de zomer aan uw Kamer stuur.",
        )],
    }];
    letter.footnotes = vec![
        Footnote {
            marker: "1".into(),
            text: "Raad voor Volksgezondheid en Samenleving, Een vaste huisarts voor iedereen, \
                   Den Haag, juni 2023."
                .into(),
        },
        Footnote {
            marker: "2".into(),
            text: "Zie ook het onderzoek van het Nivel naar de praktijkhouders uit 2022.".into(),
        },
    ];
    letter
}

/// All source letters, by name.
pub fn all() -> Vec<(&'static str, Letter)> {
    vec![
        ("navo", navo()),
        ("waterwegen", waterwegen()),
        ("zorg", zorg()),
    ]
}
