import Foundation
import Testing
@testable import WirePipe

@Suite struct EntityRecogniserTests {
    private func recognise(_ paragraphs: [String], title: String? = nil) throws -> [NamedEntity] {
        EntityRecogniser(lists: try AnalysisFixtures.lists()).recognise(AnalysisText(paragraphs: paragraphs, title: title))
    }

    @Test(arguments: Fixtures.seedPages)
    func seedEntitiesHaveTheirTypes(_ name: String) throws {
        let expected = try Fixtures.expected().story
        let entities = try Fixtures.article(name).entities
        for (type, names) in expected.entities_must_include {
            for wanted in names {
                let entity = entities.first { $0.name == wanted }
                #expect(entity?.type.rawValue == type, "\(wanted): \(String(describing: entity?.type))")
            }
        }
    }

    @Test(arguments: Fixtures.seedPages)
    func seedKyivCountsEveryCaseVariantAndTheTitle(_ name: String) throws {
        let expected = try Fixtures.expected().story.entity_case_variants
        let entities = try Fixtures.article(name).entities
        for (wanted, count) in expected {
            let entity = try #require(entities.first { $0.name == wanted })
            #expect(entity.count == count)
            #expect(entity.mentions.count == count)
            #expect(entity.mentions.contains { $0.paragraph == -1 }, "the headline's mention counts")
            #expect(entities.filter { $0.name.lowercased() == wanted.lowercased() }.count == 1)
        }
    }

    @Test func titlesAreStrippedAndSurnamesMerged() throws {
        let entities = try recognise([
            "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Friday.",
            "Scholz said the two leaders agreed on new sanctions. Macron did not comment.",
        ])
        let scholz = try #require(entities.first { $0.name == "Olaf Scholz" })
        #expect(scholz.type == .person)
        #expect(scholz.title == "Chancellor")
        #expect(scholz.count == 2)
        let macron = try #require(entities.first { $0.name == "Emmanuel Macron" })
        #expect(macron.title == "President")
        #expect(macron.count == 2)
        #expect(entities.first { $0.name == "Paris" }?.type == .place)
        #expect(!entities.contains { $0.name == "German" || $0.name == "French" || $0.name == "Friday" })
    }

    @Test func aliasesMergeUnderTheCanonicalName() throws {
        let entities = try recognise(["U.S. troops left. The United States said the US would return."])
        let us = try #require(entities.first { $0.name == "United States" })
        #expect(us.count == 3)
        #expect(us.type == .place)
    }

    @Test func organisationsByWordAndByGazetteer() throws {
        let entities = try recognise([
            "The Department of Justice and the Securities and Exchange Commission opened inquiries, NATO said.",
        ])
        // "Department of Justice" is an alias of the Justice Department in organisations.txt.
        #expect(entities.first { $0.name == "Justice Department" }?.type == .organisation)
        #expect(entities.first { $0.name == "Securities and Exchange Commission" }?.type == .organisation)
        #expect(entities.first { $0.name == "NATO" }?.type == .organisation)
    }

    @Test func placeAfterCityOf() throws {
        let entities = try recognise(["Drones struck a depot in the city of Mykolaiv overnight."])
        #expect(entities.first { $0.name == "Mykolaiv" }?.type == .place)
    }

    @Test func lowercaseCommonWordsAreNotMergedIntoPlaces() throws {
        let entities = try recognise(["Officials in Turkey said the turkey shortage would end."])
        #expect(entities.first { $0.name == "Turkey" }?.count == 1)
    }

    @Test func weaponSystemsAreOtherNamedThings() throws {
        let entities = try recognise(["The army received HIMARS launchers and M777 howitzers."])
        #expect(entities.first { $0.name == "HIMARS" }?.type == .other)
        #expect(entities.first { $0.name == "M777" }?.type == .other)
    }
}
