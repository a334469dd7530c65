extension Dataset {
    /// An area's name as running text and labels give it: its `display` from areas.csv ("England, Wales
    /// and the Channel Islands" for a release's `United Kingdom`), else the name itself.
    public func displayName(of area: String) -> String {
        self.area(named: area)?.displayName ?? area
    }
}
