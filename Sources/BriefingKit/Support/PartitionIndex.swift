extension Array {
    /// In an array whose elements that `isBefore` accepts all come first, the index of the first it
    /// does not accept (`count` when it accepts every one): a binary search, for arrays kept in order.
    func partitionIndex(_ isBefore: (Element) -> Bool) -> Int {
        var (low, high) = (0, count)
        while low < high {
            let middle = (low + high) / 2
            if isBefore(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
