import Foundation

/// Lists the pages under an input folder, in a stable (sorted) order.
public struct InputWalker: Sendable {
    public var settings: FetchSettings

    public init(settings: FetchSettings) {
        self.settings = settings
    }

    /// Whether a file name is a page: one of the extensions, optionally followed by `.gz`.
    public func isPage(_ name: String) -> Bool {
        var lower = name.lowercased()
        if lower.hasSuffix(".gz") { lower.removeLast(3) }
        return settings.extensions.contains { lower.hasSuffix("." + $0.lowercased()) }
    }

    public func pages(under root: URL) throws -> [PageLocation] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(message: "input folder \(root.path) does not exist or is not a folder")
        }
        let realRoot = Self.realPath(root.path) ?? root.path
        var found: [PageLocation] = []
        var pending = [""]
        var visitedFolders: Set<String> = []
        while let relativeFolder = pending.popLast() {
            let folder = relativeFolder.isEmpty ? root : root.appendingPathComponent(relativeFolder)
            // Symlink loops cannot recur: each real folder is listed once.
            let realPath = folder.resolvingSymlinksInPath().path
            guard visitedFolders.insert(realPath).inserted else { continue }
            let names: [String]
            do {
                names = try fm.contentsOfDirectory(atPath: folder.path)
            } catch {
                continue  // an unreadable sub-folder holds no pages we can read; the rest goes on
            }
            // Paths are joined as strings: building a URL per file cost as much as the rest of the walk,
            // which every run does, also one with nothing to do.
            let folderPath = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
            for name in names where !name.hasPrefix(".") {
                let relative = relativeFolder.isEmpty ? name : relativeFolder + "/" + name
                guard let kind = fileKind(atPath: folderPath + name, realRoot: realRoot) else { continue }
                switch kind {
                case .folder: pending.append(relative)
                case .file where isPage(name): found.append(PageLocation(root: root, relativePath: relative))
                case .file: break
                }
            }
        }
        return found.sorted { $0.relativePath < $1.relativePath }
    }

    private enum FileKind { case file, folder }

    private func fileKind(atPath path: String, realRoot: String) -> FileKind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        var mode = info.st_mode & S_IFMT
        if mode == S_IFLNK {
            guard settings.followSymlinks, stat(path, &info) == 0 else { return nil }
            if !settings.followSymlinksOutsideInput {
                guard let target = Self.realPath(path), Self.isInside(target, realRoot) else { return nil }
            }
            mode = info.st_mode & S_IFMT
        }
        if mode == S_IFDIR { return .folder }
        if mode == S_IFREG { return .file }
        return nil
    }

    /// The path with every link resolved (realpath(3)); nil when it does not resolve.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether a resolved path is the folder or lies under it (by path components, so `/in-other` is not
    /// inside `/in`).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}

/// The input as a whole cannot be used (a missing folder, for example): fatal for the run.
public struct InputError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
