"""Hard multi-outlet events, part 2 (original texts written for this repository)."""

ARTICLES = [
    # ---- E6: one outlet's updates hours apart, plus a second outlet in between ----------------------
    dict(
        id="h13",
        event_id="h-bhola-ferry-capsize",
        published="2025-07-19",
        published_at="2025-07-19T09:00:00+06:00",
        outlet="Delta Wire",
        title="Ferry capsizes on Meghna river, at least 8 dead",
        text=(
            "DHAKA, July 19 (Delta Wire) - A ferry carrying about 120 passengers capsized in the Meghna river "
            "off Bhola island early on Saturday, killing at least eight people, officials said, as rescuers "
            "searched for dozens of missing.\n\n"
            "The MV Sonar Tori overturned in rough water at around 5 a.m. on its way from Bhola to Laxmipur, "
            "Bhola district administrator Rafiqul Islam said. About 70 passengers swam ashore or were picked "
            "up by fishing boats."
        ),
        gold=dict(category="accident", killed=dict(value=8, qualifier="at_least"), injured=None),
    ),
    dict(
        id="h14",
        event_id="h-bhola-ferry-capsize",
        published="2025-07-19",
        published_at="2025-07-19T12:30:00+06:00",
        outlet="Bengal Morning Post",
        title="11 bodies recovered after Bhola ferry disaster",
        text=(
            "Rescuers have recovered 11 bodies from the Meghna river after the MV Sonar Tori ferry capsized "
            "off Bhola on Saturday morning, the fire service said. Around 40 passengers are still missing.\n\n"
            "Survivors said the vessel was overloaded and listed sharply when it was hit by strong waves near "
            "the Laxmipur channel. The shipping ministry formed a committee to investigate."
        ),
        gold=dict(category="accident", killed=dict(value=11, qualifier="exact"), injured=None),
    ),
    dict(
        id="h15",
        event_id="h-bhola-ferry-capsize",
        published="2025-07-19",
        published_at="2025-07-19T17:45:00+06:00",
        outlet="Delta Wire",
        title="Bhola ferry toll rises to 14",
        text=(
            "DHAKA, July 19 (Delta Wire) - The death toll from the capsizing of the MV Sonar Tori ferry in the "
            "Meghna river off Bhola rose to 14 on Saturday evening, district administrator Rafiqul Islam said, "
            "with 36 people still unaccounted for.\n\n"
            "Navy divers joined the search in the afternoon. Relatives waited on the jetty at Bhola as bodies "
            "were brought ashore."
        ),
        gold=dict(category="accident", killed=dict(value=14, qualifier="exact"), injured=None),
    ),
    # ---- E7 / E8: a fire, and another fire in the same city three days later that mentions it ---------
    dict(
        id="h16",
        event_id="h-karachi-warehouse-fire",
        published="2025-05-13",
        published_at="2025-05-13T08:00:00+05:00",
        outlet="Indus Herald",
        title="Nine killed in Karachi warehouse fire",
        text=(
            "KARACHI - Nine people were killed when a fire tore through a textile warehouse in Karachi's "
            "SITE industrial area on Monday, rescue officials said.\n\n"
            "The fire broke out on the ground floor of the Al-Noor Textile godown at about 4 p.m. and spread "
            "to the upper floors, trapping workers who were packing bales of cloth. Twelve fire tenders took "
            "six hours to bring it under control. Five workers were injured, the Edhi Foundation said."
        ),
        gold=dict(
            category="fire", killed=dict(value=9, qualifier="exact"), injured=dict(value=5, qualifier="exact")
        ),
    ),
    dict(
        id="h17",
        event_id="h-karachi-warehouse-fire",
        published="2025-05-14",
        published_at="2025-05-14T09:00:00+05:00",
        outlet="Sindh Express Online",
        title="SITE godown fire: owner detained as toll stays at nine",
        text=(
            "Police on Tuesday detained the owner of the Al-Noor Textile godown in Karachi's SITE area, where "
            "a fire on Monday killed nine workers and injured five.\n\n"
            "Fire officials said the building had no fire exits and that its only staircase was blocked by "
            "stacked bales. The Sindh labour minister promised compensation to the families of the dead."
        ),
        gold=dict(
            category="fire", killed=dict(value=9, qualifier="exact"), injured=dict(value=5, qualifier="exact")
        ),
    ),
    dict(
        id="h18",
        event_id="h-karachi-bus-fire",
        published="2025-05-15",
        published_at="2025-05-15T10:00:00+05:00",
        outlet="Indus Herald",
        title="Bus fire kills six on Karachi's Shahrah-e-Faisal",
        text=(
            "KARACHI - Six passengers were killed and 14 injured when a passenger bus caught fire on "
            "Shahrah-e-Faisal in Karachi on Wednesday night, police said.\n\n"
            "The fire started in the engine of the bus, which was carrying about 40 people from Karachi to "
            "Hyderabad, near the Drigh Road flyover. Passengers broke windows to escape.\n\n"
            "It was the second deadly fire in the city this week: on Monday, nine workers were killed in a "
            "fire at a textile warehouse in the SITE area."
        ),
        gold=dict(
            category="fire",
            killed=dict(value=6, qualifier="exact"),
            injured=dict(value=14, qualifier="exact"),
        ),
    ),
    dict(
        id="h19",
        event_id="h-karachi-bus-fire",
        published="2025-05-16",
        published_at="2025-05-16T07:30:00+05:00",
        outlet="Dawn Wire Service",
        title="Karachi bus blaze: driver arrested, death toll seven",
        text=(
            "Police arrested the driver of the bus that caught fire on Shahrah-e-Faisal near Drigh Road on "
            "Wednesday, after a seventh passenger died in hospital on Thursday. Thirteen other passengers are "
            "being treated for burns.\n\n"
            "Investigators said the bus was carrying an illegal gas cylinder. The provincial transport "
            "minister ordered checks on intercity buses leaving Karachi."
        ),
        gold=dict(
            category="fire",
            killed=dict(value=7, qualifier="exact"),
            injured=dict(value=13, qualifier="exact"),
        ),
    ),
    # ---- E9: outlets name two different towns -------------------------------------------------------
    dict(
        id="h20",
        event_id="h-karadere-mine-blast",
        published="2025-10-09",
        published_at="2025-10-09T06:00:00+03:00",
        outlet="Anatolia Wire",
        title="Gas explosion at coal mine in Zonguldak kills 17",
        text=(
            "ANKARA, Oct 9 (Anatolia Wire) - A firedamp explosion at the Karadere coal mine in the town of "
            "Zonguldak killed 17 miners on Wednesday evening, the energy ministry said. Another 22 miners "
            "were brought out injured.\n\n"
            "About 90 miners were working 300 metres underground when the methane ignited at around 6:15 p.m. "
            "Rescue teams worked through the night."
        ),
        gold=dict(
            category="accident",
            killed=dict(value=17, qualifier="exact"),
            injured=dict(value=22, qualifier="exact"),
        ),
    ),
    dict(
        id="h21",
        event_id="h-karadere-mine-blast",
        published="2025-10-09",
        published_at="2025-10-09T07:30:00+03:00",
        outlet="Black Sea Post",
        title="Miners killed in Amasra pit explosion",
        text=(
            "AMASRA, Turkey - Seventeen miners died and 22 were injured in a methane explosion at the Karadere "
            "coal mine in Amasra on Wednesday, officials said.\n\n"
            "Families gathered at the pithead through the night as rescuers in gas masks brought the dead to "
            "the surface. The miners' union said it had warned of gas readings at the Karadere mine in "
            "September."
        ),
        gold=dict(
            category="accident",
            killed=dict(value=17, qualifier="exact"),
            injured=dict(value=22, qualifier="exact"),
        ),
    ),
    # ---- E10: police and organisers disagree on deaths -------------------------------------------------
    dict(
        id="h22",
        event_id="h-kisumu-fuel-protest",
        published="2026-03-11",
        published_at="2026-03-11T08:00:00+03:00",
        outlet="Lake Region Times",
        title="Three killed as fuel price protest turns violent in Kisumu",
        text=(
            "KISUMU, Kenya - Three people were killed and 25 injured on Tuesday when police fired tear gas and "
            "live rounds to disperse protesters who had blocked roads in Kisumu over fuel prices, police "
            "commander Josephat Keter said.\n\n"
            "Protesters burned tyres on the Kisumu-Busia road and looted shops near the Kibuye market, police "
            "said. Twelve officers were among the injured."
        ),
        gold=dict(
            category="civil_unrest",
            killed=dict(value=3, qualifier="exact"),
            injured=dict(value=25, qualifier="exact"),
        ),
    ),
    dict(
        id="h23",
        event_id="h-kisumu-fuel-protest",
        published="2026-03-11",
        published_at="2026-03-11T10:00:00+03:00",
        outlet="East Africa Monitor",
        title="Rights group says 11 killed in Kisumu protests",
        text=(
            "NAIROBI - Eleven people were killed in Kisumu on Tuesday during protests over fuel prices, the "
            "Kenya Human Rights Network said, accusing police of shooting unarmed demonstrators. Dozens were "
            "injured.\n\n"
            "Police have given a toll of three. The network said its monitors had counted the bodies at two "
            "hospitals and the city mortuary. The interior ministry did not respond to a request for comment."
        ),
        gold=dict(category="civil_unrest", killed=dict(value=11, qualifier="exact"), injured=None),
    ),
    # ---- E11: everyone agrees --------------------------------------------------------------------
    dict(
        id="h24",
        event_id="h-tarnow-derailment",
        published="2025-06-02",
        published_at="2025-06-02T06:00:00+02:00",
        outlet="Central Europe Wire",
        title="Twelve killed as train derails in southern Poland",
        text=(
            "WARSAW, June 2 (CEW) - Twelve people were killed and 48 injured when a passenger train derailed "
            "near the town of Tarnow in southern Poland on Sunday evening, rail operator PKP said.\n\n"
            "Five carriages of the InterCity train from Krakow to Rzeszow left the tracks on a bend at about "
            "8 p.m. The cause was not yet known."
        ),
        gold=dict(
            category="accident",
            killed=dict(value=12, qualifier="exact"),
            injured=dict(value=48, qualifier="exact"),
        ),
    ),
    dict(
        id="h25",
        event_id="h-tarnow-derailment",
        published="2025-06-02",
        published_at="2025-06-02T14:00:00+02:00",
        outlet="Vistula Daily",
        title="Tarnow derailment: investigators examine track",
        text=(
            "Investigators on Monday examined a section of track near Tarnow where an InterCity train derailed "
            "on Sunday, killing 12 people and injuring 48.\n\n"
            "The train was travelling from Krakow to Rzeszow. Rail unions said the line had been due for "
            "repairs since last year."
        ),
        gold=dict(
            category="accident",
            killed=dict(value=12, qualifier="exact"),
            injured=dict(value=48, qualifier="exact"),
        ),
    ),
    dict(
        id="h26",
        event_id="h-tarnow-derailment",
        published="2025-06-03",
        published_at="2025-06-03T09:00:00+02:00",
        outlet="Polish Press Review",
        title="Poland mourns 12 killed in train crash",
        text=(
            "Poland observed a day of national mourning on Tuesday for the 12 people killed when a train "
            "derailed near Tarnow on Sunday. Of the 48 people injured, 19 remain in hospital.\n\n"
            "The infrastructure minister said a broken rail was the most likely cause of the derailment."
        ),
        gold=dict(
            category="accident",
            killed=dict(value=12, qualifier="exact"),
            injured=dict(value=48, qualifier="exact"),
        ),
    ),
    # ---- E12: cholera: ministry vs aid group ------------------------------------------------------------
    dict(
        id="h27",
        event_id="h-kasai-cholera",
        published="2026-04-08",
        published_at="2026-04-08T09:00:00+01:00",
        outlet="Kinshasa Actualites English",
        title="Cholera kills 23 in Kasai province",
        text=(
            "KINSHASA - A cholera outbreak in the town of Tshikapa in Kasai province has killed 23 people "
            "since March 28, the health ministry said on Tuesday, with 410 suspected cases recorded.\n\n"
            "The ministry said it had sent oral vaccines and rehydration supplies to the town, where heavy "
            "rains flooded wells and latrines last month."
        ),
        gold=dict(category="health_emergency", killed=dict(value=23, qualifier="exact"), injured=None),
    ),
    dict(
        id="h28",
        event_id="h-kasai-cholera",
        published="2026-04-08",
        published_at="2026-04-08T15:00:00+01:00",
        outlet="Humanitarian Wire",
        title="Aid group says Tshikapa cholera deaths far higher than reported",
        text=(
            "At least 40 people have died of cholera in Tshikapa, in the Democratic Republic of Congo's Kasai "
            "province, since late March, the medical charity Medics Without Borders said on Tuesday, nearly "
            "twice the official figure of 23.\n\n"
            "The charity said many patients were dying at home before reaching its treatment centre, which "
            "had admitted more than 600 patients."
        ),
        gold=dict(category="health_emergency", killed=dict(value=40, qualifier="at_least"), injured=None),
    ),
]
