//! Answers to parliamentary questions: every question once, every answer attached.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use kamerbrief_model::Layout;

fn corpus_files() -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("corpus not found at {}: skipped", dir.display());
        return Vec::new();
    };
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("nl-tk__"))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_question_once_with_its_answer() {
    for path in corpus_files() {
        let layout =
            kamerbrief_extract::extract(&std::fs::read(&path).unwrap(), &Default::default())
                .unwrap();
        let parsed = kamerbrief_parse::parse(&layout);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let questions = &parsed.letter.questions;
        assert!(
            questions.len() >= 5,
            "{name}: {} questions",
            questions.len()
        );
        let numbers: Vec<u32> = questions.iter().map(|q| q.number).collect();
        assert_eq!(
            numbers,
            (1..=questions.len() as u32).collect::<Vec<_>>(),
            "{name}: each question once, in order"
        );
        for q in questions {
            assert!(
                q.text.ends_with('?') || q.text.contains('?'),
                "{name}: question {} reads as a question: {:?}",
                q.number,
                q.text
            );
            let answer = q
                .answer
                .as_deref()
                .unwrap_or_else(|| panic!("{name}: question {} unanswered", q.number));
            assert!(!answer.is_empty());
            for text in [q.text.as_str(), answer] {
                assert!(
                    !text.contains("Tweede Kamer, vergaderjaar"),
                    "{name}: running footer inside question {}",
                    q.number
                );
                assert!(
                    !text.contains("\nVraag ") && !text.starts_with("Vraag "),
                    "{name}: another question inside {}",
                    q.number
                );
            }
        }
        let info = parsed
            .letter
            .kamervragen
            .as_ref()
            .expect("first-page facts");
        assert!(
            info.aanhangsel.is_some() && info.asked_by.is_some() && info.addressed_to.is_some(),
            "{name}: {info:?}"
        );
        assert!(
            info.submitted.as_deref().is_some_and(|d| d.len() == 10) && info.received.is_some(),
            "{name}: {info:?}"
        );
        assert!(info.notice.is_none());
        eprintln!(
            "{name}: {} questions, all answered; asked by {:?}",
            questions.len(),
            info.asked_by
        );
    }
}

/// A combined answer serves each of its questions; a pointer to another answer is kept.
#[test]
fn combined_answers_and_pointers() {
    let text = "Vragen van het lid Jansen (XYZ) aan de Minister van Financiën over belastingen (ingezonden 3 maart 2024).\n\n\
        Antwoord van Minister De Vries (Financiën) (ontvangen 2 april 2024).\n\n\
        Vraag 1\n\nKent u het bericht?\n\nAntwoord 1\n\nJa.\n\n\
        Vraag 2\n\nWat vindt u ervan?\n\nVraag 3\n\nWat gaat u doen?\n\nAntwoord 2 en 3\n\nIk vind het zorgelijk en ga overleggen.\n\n\
        Vraag 4\n\nWanneer?\n\nAntwoord 4\n\nZie antwoord vraag 3.\n";
    let parsed = kamerbrief_parse::parse(&Layout::from_text(text));
    let q = &parsed.letter.questions;
    assert_eq!(q.len(), 4);
    assert_eq!(q[1].answer, q[2].answer);
    assert_eq!(q[2].answered_with, [2, 3]);
    assert_eq!(q[3].refers_to, Some(3));
    let info = parsed.letter.kamervragen.unwrap();
    assert_eq!(
        (info.submitted.as_deref(), info.received.as_deref()),
        (Some("2024-03-03"), Some("2024-04-02"))
    );
    assert_eq!(info.asked_by.as_deref(), Some("het lid Jansen (XYZ)"));
}

/// A notice of delay leaves the questions unanswered and says so.
#[test]
fn notice_of_delay() {
    let text = "Vragen van het lid Jansen (XYZ) aan de Minister van Financiën over belastingen (ingezonden 3 maart 2024).\n\n\
        Vraag 1\n\nKent u het bericht?\n\nVraag 2\n\nWat vindt u ervan?\n\n\
        Mededeling van Minister De Vries (Financiën) (ontvangen 24 maart 2024).\n\n\
        De vragen van het lid Jansen kunnen niet binnen de gebruikelijke termijn worden beantwoord.\n";
    let parsed = kamerbrief_parse::parse(&Layout::from_text(text));
    assert_eq!(parsed.letter.questions.len(), 2);
    assert!(parsed.letter.questions.iter().all(|q| q.answer.is_none()));
    let notice = parsed.letter.kamervragen.unwrap().notice.unwrap();
    assert!(
        notice.starts_with("Mededeling") && notice.contains("niet binnen de gebruikelijke termijn"),
        "{notice}"
    );
    assert!(
        parsed
            .diagnostics
            .iter()
            .any(|d| d.message.contains("2 questions unanswered"))
    );
}
