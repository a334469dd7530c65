import Foundation
import Testing
@testable import BriefingKit

/// Labels and the spreadsheet's cover name an area as areas.csv's `display` gives it: the 2021
/// release's `United Kingdom` covers England, Wales and the Channel Islands, and says so.
@Suite struct AreaDisplayNameTests {
    @Test func labelsUseTheAreasDisplayName() throws {
        let site = try PageDownloadTests.site("2021")
        let byID = Dictionary(uniqueKeysWithValues: site.figures.map { ($0.id, $0) })
        #expect(byID["united-kingdom--2019-10-2020-09--all-platforms--count"]?.label
                == "Online child sex crimes recorded where the means of communication was known, England, Wales and the Channel Islands, October 2019 to September 2020")
        #expect(byID["east-of-england--2019-10-2020-09--facebook-owned-apps--share--vs-united-kingdom"]?.label
                == "Difference between the share on Facebook-owned apps in the East of England and in England, Wales and the Channel Islands, October 2019 to September 2020, percentage points")
        // The id and the area column keep the name: they are keys, not words.
        #expect(byID["united-kingdom--2019-10-2020-09--all-platforms--count"]?.area == "United Kingdom")
        let labels = site.figures.map(\.label).filter { $0.contains("United Kingdom") }
        #expect(labels.isEmpty, "\(labels.prefix(3))")
        let csv = try PageDownloadTests.rows(ofCSV: PageDownloadTests.text(site, "data/figures.csv"))
        #expect(!csv.contains { $0["label"]?.contains("United Kingdom") == true })
    }

    @Test func theCoverSaysWhereTheFiguresCome() throws {
        let statistics = try Repository.statistics()
        let cover = WorkbookBuilder(dataset: statistics.dataset).workbook([]).sheets[0]
        let texts = cover.rows.map { WorkbookBuilder.text($0[0]) }
        let coverage = try #require(texts.firstIndex(of: "Coverage"))
        #expect(texts[coverage + 1] == "October 2019 to September 2020: 35 police forces in England, Wales and the Channel Islands (one version of the release text gives one force fewer than the others)")
        #expect(texts[coverage + 2] == "April 2018 to March 2019: 32 police forces in England and Wales")
        #expect(!texts.contains { $0.contains("United Kingdom") })
    }
}
