"""The results framework: the programme's logframe, reporting periods with frozen snapshots,
reported values, the dashboard and the donor's exports. It reads the indicator registry
(``core.indicators``) and never imports an activity's models."""
