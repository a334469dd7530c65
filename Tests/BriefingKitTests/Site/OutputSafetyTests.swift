import Foundation
import Testing
@testable import BriefingKit

/// `briefing build --output …` as a careless user or an attacker would run it: every refused
/// output exits 1 with its exact message and leaves the whole tree as it was.
@Suite struct OutputSafetyTests {
    /// `root/` holds the project (`Data/`, `Templates/`, a folder and a file of the user's own)
    /// and a home folder; commands run in `root/project` with HOME set to `root/home`.
    struct Workspace {
        let root: String
        var project: String { root + "/project" }
        var home: String { root + "/home" }

        init() throws {
            root = try Repository.temporaryFolder("output-safety")
            let manager = FileManager.default
            try manager.createDirectory(atPath: root + "/project/Docs/drafts", withIntermediateDirectories: true)
            try manager.createDirectory(atPath: root + "/home", withIntermediateDirectories: true)
            try manager.copyItem(atPath: Repository.fixtures + "/small/Data", toPath: root + "/project/Data")
            try manager.copyItem(atPath: Repository.templates, toPath: root + "/project/Templates")
            try "my notes\n".write(toFile: root + "/project/Docs/drafts/notes.txt", atomically: false, encoding: .utf8)
            try "my report\n".write(toFile: root + "/project/report.txt", atomically: false, encoding: .utf8)
            try "dotfile\n".write(toFile: root + "/home/.profile", atomically: false, encoding: .utf8)
        }

        func build(_ arguments: [String], in folder: String? = nil) throws -> ProcessRunner.Output {
            try ProcessRunner.run(CommandLineTests.executable, ["build"] + arguments, in: folder ?? project, environment: ["HOME": home])
        }

        /// The one-line refusal and the closing line a refused build prints.
        func refusal(_ message: String, output: String) -> String {
            let unchanged = output.isEmpty ? "" : "; '\(output)' was not changed"
            return "briefing: error: \(message.replacingOccurrences(of: "{root}", with: root))\n"
                + "briefing: check the output folder failed with 1 error\(unchanged)\n"
        }
    }

    static let ownFolder = "; the site needs a folder of its own, such as Output"

    /// Each refused `--output`, with the message it must give.
    static let refusals: [(output: String, message: String)] = [
        ("Data", "--output 'Data' is the data folder (--data 'Data')" + ownFolder),
        ("Data/", "--output 'Data/' is the data folder (--data 'Data')" + ownFolder),
        ("Data//", "--output 'Data//' is the data folder (--data 'Data')" + ownFolder),
        ("Data/.", "--output 'Data/.' is the data folder (--data 'Data')" + ownFolder),
        ("Templates", "--output 'Templates' is the templates folder (--templates 'Templates')" + ownFolder),
        ("Data/site", "--output 'Data/site' is inside the data folder (--data 'Data')" + ownFolder),
        ("Templates/site", "--output 'Templates/site' is inside the templates folder (--templates 'Templates')" + ownFolder),
        (".", "--output '.' is the current folder" + ownFolder),
        ("./", "--output './' is the current folder" + ownFolder),
        ("Data/..", "--output 'Data/..' is the current folder" + ownFolder),
        ("..", "--output '..' holds the data folder (--data 'Data'), which building there would delete" + ownFolder),
        ("/", "--output '/' is the root folder" + ownFolder),
        ("", "--output is empty; name the folder the site should go in, such as Output"),
        ("../home", "--output '../home' is your home folder" + ownFolder),
        ("Docs", "--output 'Docs' is a folder that briefing did not write (it has no .briefing-site file), so building there would delete what is in it; name a new or empty folder (a site built by a version of briefing before the mark: delete it yourself, once)"),
        ("Docs/drafts", "--output 'Docs/drafts' is a folder that briefing did not write (it has no .briefing-site file), so building there would delete what is in it; name a new or empty folder (a site built by a version of briefing before the mark: delete it yourself, once)"),
        ("report.txt", "--output 'report.txt' is a file, not a folder; name a folder for the site, such as Output"),
        ("report.txt/", "--output 'report.txt/' is a file, not a folder; name a folder for the site, such as Output"),
        (".Out.staging-1", "--output '.Out.staging-1' is named like one of briefing's staging folders, which builds delete; choose another name"),
        ("missing/Out", "--output 'missing/Out' is inside '{root}/project/missing', which is not a folder that exists; create it first"),
    ]

    @Test(arguments: refusals.indices)
    func refusedOutputChangesNothing(_ index: Int) throws {
        let (output, message) = Self.refusals[index]
        let workspace = try Workspace()
        let before = FolderTree(workspace.root)
        let run = try workspace.build(["--output", output])
        #expect(run.status == 1, "--output '\(output)': \(run.stderr)")
        #expect(run.stderr == workspace.refusal(message, output: output))
        #expect(run.stdout == "")
        let after = FolderTree(workspace.root)
        #expect(after == before, "--output '\(output)' changed \(after.changes(from: before)) (\(before) → \(after))")
    }

    /// `--output` absolute paths meet the same rules as relative ones.
    @Test func absolutePathsMeetTheSameRules() throws {
        let workspace = try Workspace()
        let before = FolderTree(workspace.root)
        for (output, message) in [
            (workspace.project + "/Data", "is the data folder (--data 'Data')"),
            (workspace.home, "is your home folder"),
            (workspace.project, "is the current folder"),
        ] {
            let run = try workspace.build(["--output", output])
            #expect(run.status == 1)
            #expect(run.stderr.hasPrefix("briefing: error: --output '\(output)' \(message)"), "\(run.stderr)")
        }
        #expect(FolderTree(workspace.root) == before)
    }

    /// `Out`, `Out/`, `Out//` and `Out/.` are one folder: each builds it, and nothing else appears.
    @Test func spellingsOfOneFolderBuildTheSameSite() throws {
        let workspace = try Workspace()
        var sites: [FolderTree] = []
        for output in ["Out", "Out/", "Out//", "Out/.", "./Out", "Data/../Out"] {
            let run = try workspace.build(["--output", output])
            #expect(run.status == 0, "--output '\(output)': \(run.stderr)")
            sites.append(FolderTree(workspace.project + "/Out"))
        }
        #expect(Set(sites.map(\.digest)).count == 1)
        #expect(sites[0].entries[SiteManifest.fileName] != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.project).sorted()
            == [".Out.briefing-lock", "Data", "Docs", "Out", "Templates", "report.txt"])
    }

    /// A file the user put into a site stops the next build; nothing is deleted.
    @Test func filesAddedToASiteAreNeverDeleted() throws {
        let workspace = try Workspace()
        #expect(try workspace.build(["--output", "Out"]).status == 0)
        try "example.org\n".write(toFile: workspace.project + "/Out/CNAME", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: workspace.project + "/Out/press-pack", withIntermediateDirectories: true)
        let before = FolderTree(workspace.root)
        let run = try workspace.build(["--output", "Out"])
        #expect(run.status == 1)
        #expect(run.stderr == workspace.refusal(
            "--output 'Out' holds files that briefing did not write: 'Out/CNAME', 'Out/press-pack/'; building would delete them, so move them out of the folder first",
            output: "Out"))
        #expect(FolderTree(workspace.root) == before)
    }

    /// An empty folder the user made is used, and keeps its permissions and group across builds.
    @Test func emptyFolderIsUsedAndKeepsItsPermissions() throws {
        let workspace = try Workspace()
        let www = workspace.project + "/www"
        try FileManager.default.createDirectory(atPath: www, withIntermediateDirectories: true)
        #expect(chmod(www, 0o2775) == 0)
        for _ in 0..<2 {
            let run = try workspace.build(["--output", "www"])
            #expect(run.status == 0, "\(run.stderr)")
            var info = stat()
            #expect(stat(www, &info) == 0)
            #expect(info.st_mode & 0o7777 == 0o2775)
            #expect(FileManager.default.fileExists(atPath: www + "/index.html"))
        }
    }

    /// A folder with no mark is refused even when it looks like a site (an older briefing's, or a copy that lost its mark).
    @Test func unmarkedSiteIsRefused() throws {
        let workspace = try Workspace()
        #expect(try workspace.build(["--output", "Out"]).status == 0)
        try FileManager.default.removeItem(atPath: workspace.project + "/Out/" + SiteManifest.fileName)
        try "precious".write(toFile: workspace.project + "/Out/notes.txt", atomically: false, encoding: .utf8)
        let before = FolderTree(workspace.root)
        let run = try workspace.build(["--output", "Out"])
        #expect(run.status == 1)
        #expect(run.stderr == workspace.refusal("--output 'Out' is a folder that briefing did not write (it has no .briefing-site file), so building there would delete what is in it; name a new or empty folder (a site built by a version of briefing before the mark: delete it yourself, once)", output: "Out"))
        #expect(FolderTree(workspace.root) == before)
    }

    /// A link as the output is followed: the site is swapped in where it points, and the link stays a link.
    @Test func symlinkedOutputBuildsWhereItPointsAndStaysALink() throws {
        let workspace = try Workspace()
        let manager = FileManager.default
        let webroot = workspace.root + "/webroot"
        try manager.createDirectory(atPath: webroot + "/briefing", withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: workspace.project + "/Site", withDestinationPath: webroot + "/briefing")
        for round in 0..<2 {
            let run = try workspace.build(["--output", "Site"])
            #expect(run.status == 0, "\(run.stderr)")
            // No oEmbed files: the build has no base URL. The second build, from the same inputs, has nothing to do.
            // The four areas' methods pages and their downloads: 4 and 8 more than the briefing pages' 15 and 24.
            #expect(run.stdout.hasPrefix(round == 0 ? "Built 19 pages and 32 other files into Site/ (a link to \(webroot)/briefing):"
                : "Nothing changed since the last build: the 19 pages and 32 other files in Site/ (a link to \(webroot)/briefing) are up to date; no file was rewritten:"),
                "\(run.stdout)")
            #expect(try manager.destinationOfSymbolicLink(atPath: workspace.project + "/Site") == webroot + "/briefing")
            #expect(manager.fileExists(atPath: webroot + "/briefing/index.html"))
        }
        // The lock and staging go beside the real folder, so both spellings share one lock.
        #expect(try manager.contentsOfDirectory(atPath: webroot).sorted() == [".briefing.briefing-lock", "briefing"])

        // A link to the user's own folder, to a file, or to nothing is refused like the thing itself.
        try manager.createSymbolicLink(atPath: workspace.project + "/ToDocs", withDestinationPath: "Docs")
        try manager.createSymbolicLink(atPath: workspace.project + "/ToReport", withDestinationPath: "report.txt")
        try manager.createSymbolicLink(atPath: workspace.project + "/ToData", withDestinationPath: "Data")
        try manager.createSymbolicLink(atPath: workspace.project + "/Dangling", withDestinationPath: workspace.root + "/nowhere")
        let before = FolderTree(workspace.root)
        let project = workspace.root + "/project"
        for (output, message) in [
            ("ToDocs", "--output 'ToDocs' (a link to '\(project)/Docs') is a folder that briefing did not write (it has no .briefing-site file), so building there would delete what is in it; name a new or empty folder (a site built by a version of briefing before the mark: delete it yourself, once)"),
            ("ToReport", "--output 'ToReport' (a link to '\(project)/report.txt') is a file, not a folder; name a folder for the site, such as Output"),
            ("ToData", "--output 'ToData' (a link to '\(project)/Data') is the data folder (--data 'Data')" + Self.ownFolder),
            ("Dangling", "--output 'Dangling' is a symbolic link to a folder that does not exist; create the folder it points to, or remove the link"),
        ] {
            let run = try workspace.build(["--output", output])
            #expect(run.status == 1)
            #expect(run.stderr == workspace.refusal(message, output: output))
        }
        #expect(FolderTree(workspace.root) == before)
    }

    /// The user's own `Out.staging` is never touched; only staging folders carrying the tool's mark are cleaned.
    @Test func onlyMarkedStagingFoldersAreCleaned() throws {
        let workspace = try Workspace()
        let manager = FileManager.default
        let project = workspace.project
        try manager.createDirectory(atPath: project + "/Out.staging", withIntermediateDirectories: true)
        try "mine".write(toFile: project + "/Out.staging/keep.txt", atomically: false, encoding: .utf8)
        try "mine".write(toFile: project + "/Out.previous", atomically: false, encoding: .utf8)
        // Named like a staging folder, but unmarked: the user's (or anyone's) and kept.
        try manager.createDirectory(atPath: project + "/.Out.staging-unmarked", withIntermediateDirectories: true)
        try "mine".write(toFile: project + "/.Out.staging-unmarked/keep.txt", atomically: false, encoding: .utf8)
        // What a killed build leaves: a marked staging folder, half written.
        try manager.createDirectory(atPath: project + "/.Out.staging-dead/forces", withIntermediateDirectories: true)
        try (SiteManifest.signature + "\n").write(toFile: project + "/.Out.staging-dead/" + SiteManifest.fileName, atomically: false, encoding: .utf8)
        let run = try workspace.build(["--output", "Out"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try manager.contentsOfDirectory(atPath: project).sorted()
            == [".Out.briefing-lock", ".Out.staging-unmarked", "Data", "Docs", "Out", "Out.previous", "Out.staging", "Templates", "report.txt"])
        #expect(manager.fileExists(atPath: project + "/Out.staging/keep.txt"))
        #expect(manager.fileExists(atPath: project + "/.Out.staging-unmarked/keep.txt"))
    }

    /// A full disk stops the build with the system's reason; the old site and no staging remain.
    /// Whether this machine lets the tests mount a tmpfs, run as another user, and pin a file (root in a sandbox does).
    static let canMount: Bool = {
        let probe = NSTemporaryDirectory() + "briefing-mount-probe-\(getpid())"
        try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        defer { _ = try? ProcessRunner.run("/bin/umount", [probe]); try? FileManager.default.removeItem(atPath: probe) }
        return getuid() == 0 && (try? ProcessRunner.run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe]).status) == 0
    }()
    static let canChattr: Bool = {
        let probe = NSTemporaryDirectory() + "briefing-chattr-probe-\(getpid())"
        FileManager.default.createFile(atPath: probe, contents: Data())
        defer { _ = try? ProcessRunner.run("/usr/bin/chattr", ["-i", probe]); try? FileManager.default.removeItem(atPath: probe) }
        return getuid() == 0 && (try? ProcessRunner.run("/usr/bin/chattr", ["+i", probe]).status) == 0
    }()

    @Test(.enabled(if: canMount, "mounting a small tmpfs needs root"))
    func fullDiskLeavesTheOldSiteAndNoStaging() throws {
        let workspace = try Workspace()
        let disk = workspace.root + "/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        let mount = try ProcessRunner.run("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk])
        try #require(mount.status == 0, "\(mount.stderr)")
        defer { _ = try? ProcessRunner.run("/bin/umount", [disk]) }
        let first = try workspace.build(["--output", disk + "/Out"])
        try #require(first.status == 0, "\(first.stderr)")
        // Leave 40 KB free: room to start staging the next site, not to finish it.
        var info = statvfs()
        try #require(statvfs(disk, &info) == 0)
        let free = Int(info.f_bavail) * Int(info.f_bsize)
        try Data(count: max(0, free - 40_960)).write(to: URL(fileURLWithPath: disk + "/filler"))
        let before = FolderTree(disk + "/Out")
        // Another build time, so that every page changes (unchanged files would be linked, taking no space).
        let run = try workspace.build(["--output", disk + "/Out", "--now", "2030-01-01T00:00:00Z"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("No space left on device"), "\(run.stderr)")
        #expect(run.stderr.hasSuffix("; '\(disk)/Out' was not changed\n"))
        #expect(FolderTree(disk + "/Out") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk).sorted() == [".Out.briefing-lock", "Out", "filler"])
    }

    /// A read-only output or parent gives a true message before anything changes.
    @Test(.enabled(if: getuid() == 0, "running the build as another user needs root"))
    func readOnlyOutputIsRefusedWithATrueMessage() throws {
        let workspace = try Workspace()
        let out = workspace.project + "/Out"
        #expect(try workspace.build(["--output", "Out"]).status == 0)
        // The build runs as `nobody`, who owns the workspace; the site's forces/ folder is made read-only.
        _ = try ProcessRunner.run("/bin/chown", ["-R", "65534:65534", workspace.root])
        _ = try ProcessRunner.run("/bin/chmod", ["a-w", out + "/forces"])
        let before = FolderTree(workspace.root)
        func buildAsNobody() throws -> ProcessRunner.Output {
            try ProcessRunner.run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", CommandLineTests.executable,
                                                     "build", "--output", "Out"], in: workspace.project, environment: ["HOME": workspace.home])
        }
        var run = try buildAsNobody()
        #expect(run.status == 1)
        #expect(run.stderr == workspace.refusal("cannot replace --output 'Out': its folder 'forces' is read-only for you, so the old site could not be removed; make it writable (chmod -R u+w) and build again", output: "Out"))
        #expect(FolderTree(workspace.root) == before)

        _ = try ProcessRunner.run("/bin/chmod", ["u+w", out + "/forces"])
        _ = try ProcessRunner.run("/bin/chmod", ["a-w", workspace.project])
        run = try buildAsNobody()
        #expect(run.status == 1)
        #expect(run.stderr == workspace.refusal("cannot write beside --output 'Out': the folder '\(workspace.project)' is read-only for you; make it writable, or choose another output", output: "Out"))
        _ = try ProcessRunner.run("/bin/chmod", ["u+w", workspace.project])
        // Once writable, the next build works: nothing was left stuck.
        #expect(try buildAsNobody().status == 0)
    }

    /// An old site that cannot be deleted (an immutable file in it) never blocks a build.
    @Test(.enabled(if: canChattr, "chattr +i needs root and a file system that has it"))
    func undeletableOldSiteNeverLeavesAStuckState() throws {
        let workspace = try Workspace()
        let project = workspace.project
        #expect(try workspace.build(["--output", "Out"]).status == 0)
        let chattr = try ProcessRunner.run("/usr/bin/chattr", ["+i", project + "/Out/assets/style.css"])
        try #require(chattr.status == 0, "\(chattr.stderr)")
        // The pinned file moves with the old site into a staging folder: unpin wherever it went.
        defer { _ = try? ProcessRunner.run("/usr/bin/chattr", ["-R", "-i", project]) }
        for round in 0..<2 {
            // A new build time each round, so that the site changes and the old one is swapped out.
            let run = try workspace.build(["--output", "Out", "--now", "203\(round)-01-01T00:00:00Z"])
            #expect(run.status == 0, "round \(round): \(run.stderr)")
            #expect(run.stderr.contains("could not be deleted"), "round \(round): \(run.stderr)")
            #expect(FileManager.default.fileExists(atPath: project + "/Out/index.html"))
        }
    }

    /// Running inside a site and naming the site as the output would pull the folder from under the shell.
    @Test func outputHoldingTheCurrentFolderIsRefused() throws {
        let workspace = try Workspace()
        #expect(try workspace.build(["--output", "Out"]).status == 0)
        let inside = workspace.project + "/Out/regions"
        let before = FolderTree(workspace.root)
        let run = try workspace.build(["--data", "../../Data", "--templates", "../../Templates", "--output", ".."], in: inside)
        #expect(run.status == 1)
        #expect(run.stderr == workspace.refusal("--output '..' holds the current folder, which building there would delete" + Self.ownFolder, output: ".."))
        #expect(FolderTree(workspace.root) == before)
    }

    /// With HOME unset the home folder comes from the password database, and is still refused.
    @Test func homeFolderIsRefusedWithoutHOME() throws {
        let workspace = try Workspace()
        let home = try #require(getpwuid(getuid())?.pointee.pw_dir.map { String(cString: $0) })
        let run = try ProcessRunner.run(CommandLineTests.executable, ["build", "--output", home], in: workspace.project, environment: ["HOME": ""])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("briefing: error: --output '\(home)' is your home folder"), "\(run.stderr)")
    }

    /// A lock name taken by a folder is a true message, not a crash or a raw system error.
    @Test func lockPathThatIsAFolderIsAClearError() throws {
        let workspace = try Workspace()
        try FileManager.default.createDirectory(atPath: workspace.project + "/.Out.briefing-lock", withIntermediateDirectories: true)
        let run = try workspace.build(["--output", "Out"])
        #expect(run.status == 1)
        #expect(run.stderr == "briefing: error: cannot take the lock '\(workspace.project)/.Out.briefing-lock' that keeps two builds apart: \(workspace.project)/.Out.briefing-lock: Is a directory; if it is not a file, remove it\nbriefing: write the site failed with 1 error; 'Out' was not changed\n")
        #expect(!FileManager.default.fileExists(atPath: workspace.project + "/Out"))
    }

    /// Another output whose name starts like this one's staging (`Site.staging-v2`) keeps its staging folder.
    @Test func anotherOutputsStagingIsNeverTakenForThisOnes() throws {
        let workspace = try Workspace()
        let manager = FileManager.default
        // What `--output Site.staging-v2` has while it writes: a marked staging folder of its own.
        let theirs = workspace.project + "/.Site.staging-v2.staging-1f2e"
        try manager.createDirectory(atPath: theirs, withIntermediateDirectories: true)
        try (SiteManifest.signature + "\n").write(toFile: theirs + "/" + SiteManifest.fileName, atomically: false, encoding: .utf8)
        #expect(try workspace.build(["--output", "Site"]).status == 0)
        #expect(manager.fileExists(atPath: theirs + "/" + SiteManifest.fileName))
    }
}
