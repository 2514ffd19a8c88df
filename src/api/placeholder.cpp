// Placeholder until the API layer lands its route table.
