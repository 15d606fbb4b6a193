// Placeholder until the local ClickHouse server lands: it will start one server for the run.
export default function setup(): void {}
