import Foundation

/// Runs independent jobs on several threads and returns their results in the jobs' order, so that
/// what is built from them is the same, byte for byte, as from one thread.
///
/// `workers` threads (`DispatchQueue.concurrentPerform`) each take the next job not yet taken, so a
/// long job (the methods page) does not hold up a share of the others; with one worker the jobs run
/// in order on the calling thread.
struct ParallelMap: Sendable {
    let workers: Int

    init(workers: Int) {
        self.workers = max(1, workers)
    }

    func map<Job: Sendable, Output: Sendable>(_ jobs: [Job], _ body: @Sendable (Job) -> Output) -> [Output] {
        guard workers > 1, jobs.count > 1 else { return jobs.map(body) }
        let results = Results<Output>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: min(workers, jobs.count)) { _ in
            while let index = results.take() {
                results.store(body(jobs[index]), at: index)
            }
        }
        return results.all
    }

    /// The slots the workers fill, and the next job to take; each slot is written by one worker only.
    private final class Results<Output: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var slots: [Output?]

        init(count: Int) {
            slots = Array(repeating: nil, count: count)
        }

        func take() -> Int? {
            lock.withLock {
                guard next < slots.count else { return nil }
                defer { next += 1 }
                return next
            }
        }

        func store(_ output: Output, at index: Int) {
            lock.withLock { slots[index] = output }
        }

        var all: [Output] {
            lock.withLock { slots.map { $0! } }
        }
    }
}

/// One page as rendered on a worker: its files (page, plain text, downloads), the figures it showed and its listing.
struct RenderedSitePage: Sendable {
    let files: [SiteFile]
    /// Its downloads, after its files: some made, some written when sent (`PageDownloads.downloads`).
    let downloads: [PageDownloads.Download]
    let shown: [String: Figure]
    let listing: ListedPage

    /// Sends the page's files, then its downloads, to the sink.
    func send(to sink: any SiteSink) throws {
        for file in files { try sink.add(file) }
        for download in downloads { try download.send(to: sink) }
    }
}
