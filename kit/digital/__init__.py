"""The ``numerique`` profile's outputs: card images, Tabletop Simulator sheets, gallery, slides."""
